import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The two sites the build benchmark builds, written into its work folder:
 *
 * - `site/`: the real Newsprint site (this repository's astro.config.mjs, src/, layouts/ and
 *   public/) with a different root, so it reads the generated `site/content/` and keeps its
 *   caches in `site/node_modules/.astro/`, never touching the repository's own content,
 *   dist/ or caches.
 * - `bare/`: plain Astro, the same article files as Markdown pages through a glob loader and
 *   `render()`: the cost of an Astro page with nothing of Newsprint's, for the ratio.
 */

const repo = path.join(import.meta.dirname, '../..');
const literal = (p: string) => JSON.stringify(p);

export async function writeBenchSites(work: string): Promise<{ site: string; bare: string; content: string }> {
  const site = path.join(work, 'site');
  const bare = path.join(work, 'bare');
  const content = path.join(site, 'content');
  await mkdir(content, { recursive: true });
  await writeFile(
    path.join(site, 'astro.config.mjs'),
    `// Written by scripts/archive/bench-sites.ts: the repository's site, rooted here.
import config from ${literal(path.join(repo, 'astro.config.mjs'))};
export default { ...config, srcDir: ${literal(path.join(repo, 'src'))}, publicDir: ${literal(path.join(repo, 'public'))} };
`,
  );
  await mkdir(path.join(bare, 'src/pages'), { recursive: true });
  await writeFile(path.join(bare, 'astro.config.mjs'), `export default { trailingSlash: 'always' };\n`);
  await writeFile(
    path.join(bare, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { articles: defineCollection({ loader: glob({ pattern: '*/*.md', base: ${literal(content)} }) }) };
`,
  );
  await writeFile(
    path.join(bare, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-Hans"><head><meta charset="utf-8"><title>{String(entry.data.headline)}</title></head>
<body><h1>{String(entry.data.headline)}</h1><Content /></body></html>
`,
  );
  return { site, bare, content };
}
