import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAstro } from './astro-cli.ts';
import { generatePage, writePages, type GeneratedPage } from './page-generator.ts';
import { projectRoot } from './paths.ts';
import { scratchSite } from './scratch-site.ts';

/**
 * A broadsheet site of generated pages (page-generator.ts), built with the real `astro build`
 * in a scratch copy of the fixture site: what the page make-up tests and `npm run bench:layout`
 * measure in Chromium. Its own content replaces the fixture's; base `/paper/`.
 */

export const LAYOUT_SITE = { base: '/paper/', date: '2025-05-20' } as const;

export interface LayoutSite {
  root: string;
  outDir: string;
  pages: GeneratedPage[];
}

/** Builds one page per seed; `scratch` is where it goes (a test run's folder, or a bench's). */
export async function buildLayoutSite(name: string, seeds: number[], scratch?: string): Promise<LayoutSite> {
  const root = await scratchSite(name, scratch);
  const config = path.join(root, 'astro.config.mjs');
  await writeFile(config, (await readFile(config, 'utf8')).replace("format: 'tabloid'", "format: 'broadsheet'"));
  await rm(path.join(root, 'content'), { recursive: true, force: true });
  const pages = seeds.map((seed) => generatePage(seed, LAYOUT_SITE.date));
  await writePages(path.join(root, 'content'), pages);
  const outDir = path.join(root, 'dist');
  const result = await runAstro(['build', '--root', root, '--outDir', outDir], projectRoot);
  if (result.code !== 0) throw new Error(`The generated layout site did not build (exit ${result.code}):\n${result.output.slice(-4000)}`);
  return { root, outDir, pages };
}
