import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueDate, readCorpus, writeArchive, writeIssue, type Corpus } from '../scripts/archive/generate-archive.ts';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { runAstro } from './helpers/astro-cli.ts';
import { projectRoot } from './helpers/paths.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * Incremental builds (Astro's `experimental.incrementalBuild` with Newsprint's cache keys,
 * src/data/cache-keys.ts and the card cache keys): after each kind of change, an incremental
 * build's dist/ must be byte for byte the dist/ of a forced full build of the same content,
 * and the pages the change cannot reach must have been copied, not rendered.
 *
 * The site is the fixture site (its hand-made issue with an MDX article) plus a small
 * generated archive (scripts/archive/generate-archive.ts). To keep the test to five builds,
 * the content changes go in one round, each in an issue of its own (add an issue, edit a
 * headline, delete an article, reorder two articles), with one issue out of their reach: not
 * changed, and not a neighbour of the added issue (whose 上一期/下一期 links change); the
 * option change is a second round.
 */

const SHAPE = { pages: 2 };
/** Issues 0–4 are generated and issue 5 is added; no change reaches issue 3. */
const GENERATED = 5;
const ADDED = 5;
const UNTOUCHED = 3;
/** Two real builds per test, on a shared machine. */
const BUILDS_TIMEOUT = 600_000;
const FIXTURE_ISSUE = '2024-01-15';

let root: string;
let dist: string;
let corpus: Corpus;
let cold: Build;
/** The last forced build into an empty dist/. */
let reference: Build;

interface Build {
  files: Map<string, string>;
  /** Output paths Astro copied from its cache instead of rendering. */
  reused: Set<string>;
  rendered: Set<string>;
  output: string;
}

async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

async function build(...extra: string[]): Promise<Build> {
  const result = await runAstro(['build', '--root', root, ...extra], projectRoot);
  if (result.code !== 0) throw new Error(`astro build ${extra.join(' ')} failed (exit ${result.code}):\n${result.output}`);
  const reused = new Set<string>();
  const rendered = new Set<string>();
  for (const line of result.output.split('\n')) {
    const m = /[├└]─ (\S+\.(?:html|png))(.*)$/.exec(line);
    if (m) (/\((restored|cached)\)/.test(m[2]!) ? reused : rendered).add(m[1]!.replace(/^\//, ''));
  }
  return { files: await tree(dist), reused, rendered, output: result.output };
}

/**
 * The reference: a forced build into an empty dist/. Incremental builds keep dist/ (only what is
 * stale is removed, src/integration/keep-dist.ts), so a forced build into the kept one would
 * keep a stale file too, and could not show it.
 */
async function fullBuild(): Promise<Build> {
  await rm(dist, { recursive: true, force: true });
  return build('--force');
}

const file = (date: string, name: string) => path.join(root, 'content', date, name);

async function edit(date: string, name: string, change: (text: string) => string) {
  const text = await readFile(file(date, name), 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file(date, name), changed);
}

beforeAll(async () => {
  root = await scratchSite('incremental');
  dist = path.join(root, 'dist');
  corpus = await readCorpus();
  await writeArchive(path.join(root, 'content'), GENERATED, corpus, SHAPE);
  cold = await build();
  expect(cold.reused.size).toBe(0);
  expect(cold.rendered.size).toBeGreaterThan(50);
}, 600_000);

describe('incremental builds', () => {
  it('the build log summarises the figures without an image file instead of printing each', () => {
    const lines = cold.output.split('\n');
    const each = lines.filter((l) => /figure \d+ has no image file/.test(l));
    const summary = lines.filter((l) => /\d+ figures have no image file/.test(l));
    expect(each).toEqual([]);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(/listed in .*newsprint-warnings[\\/]figure-without-image\.txt/);
  });

  it('after an issue is added, a headline edited, an article deleted and two reordered, dist/ is byte-identical to a full build', async () => {
    // Add an issue.
    await writeIssue(path.join(root, 'content'), ADDED, corpus, SHAPE);
    // Edit a headline (issue 0).
    await edit(issueDate(0), 'A02-2.md', (t) => t.replace(/^headline: "(.*)"$/m, 'headline: "全市社区网格化服务管理实现全覆盖"'));
    // Delete an article (issue 1): the last one of page A01.
    const a01 = (await readdir(path.join(root, 'content', issueDate(1)))).filter((f) => /^A01-\d+\.md$/.test(f));
    const last = `A01-${a01.length}.md`;
    await rm(file(issueDate(1), last));
    // Reorder two articles (issue 2): A02's first and second swap their `order`.
    await edit(issueDate(2), 'A02-1.md', (t) => t.replace(/^order: 1$/m, 'order: 99'));
    await edit(issueDate(2), 'A02-2.md', (t) => t.replace(/^order: 2$/m, 'order: 1'));
    await edit(issueDate(2), 'A02-1.md', (t) => t.replace(/^order: 99$/m, 'order: 2'));
    // Files no build makes any more, as an earlier build or version of the site would have
    // left them in the kept dist/: an old script bundle and a page of an issue since removed.
    const old = new Date(Date.now() - 86_400_000);
    const staleFiles = ['_astro/Old.a1b2c3.js', '2000-01-01/A01/index.html'];
    for (const stale of staleFiles) {
      await mkdir(path.dirname(path.join(dist, stale)), { recursive: true });
      await writeFile(path.join(dist, stale), 'stale');
      await utimes(path.join(dist, stale), old, old);
    }

    const incremental = await build();
    const full = await fullBuild();
    expect(full.reused.size).toBe(0);
    expect(incremental.files).toEqual(full.files);
    // The stale files, the deleted article's view and card among them, were removed.
    for (const stale of [...staleFiles, `${issueDate(1)}/A01/${a01.length}/index.html`, `${issueDate(1)}/A01/${a01.length}/card.png`]) {
      expect(incremental.files.has(stale), stale).toBe(false);
    }
    expect(incremental.output).toMatch(/dist\/: \d+ file\(s\) the build no longer makes removed/);

    // What the changes cannot reach was not rendered, and was left where it was in the kept
    // dist/ (Astro's "cached"), not copied back from Astro's cache ("restored").
    const untouched = [...incremental.files.keys()].filter((f) => f.startsWith(`${issueDate(UNTOUCHED)}/`) && /\.(html|png)$/.test(f));
    expect(untouched.length).toBeGreaterThan(5);
    for (const f of untouched) expect(incremental.reused, f).toContain(f);
    expect(incremental.output).not.toMatch(/\(restored\)/);
    // What they reach was rendered: the new issue, the edited article's page and card, and the
    // views whose neighbours changed (the issue before the new one, and the fixture's, after it).
    for (const f of [
      `${issueDate(ADDED)}/index.html`,
      `${issueDate(ADDED)}/A01/index.html`,
      `${issueDate(0)}/A02/index.html`,
      `${issueDate(0)}/A02/card.png`,
      `${issueDate(ADDED - 1)}/index.html`,
      `${issueDate(ADDED - 1)}/A01/index.html`,
      `${FIXTURE_ISSUE}/index.html`,
    ]) {
      expect(incremental.rendered, f).toContain(f);
    }
    // The deleted article is gone, and its page, listing one article less, was rendered.
    const articlesOf = (b: Build) => [...b.files.keys()].filter((f) => new RegExp(`^${issueDate(1)}/A01/[^/]+/index\\.html$`).test(f));
    expect(articlesOf(full)).toHaveLength(articlesOf(cold).length - 1);
    expect(incremental.rendered).toContain(`${issueDate(1)}/A01/index.html`);
    const deleted = `/paper/${issueDate(1)}/A01/${a01.length}/`;
    const added = `/paper/${issueDate(ADDED)}/A01/`;

    // The views of the whole archive are right (byte-identity above says they equal a full
    // build's; these say that build is itself right).
    const read = (name: string) => readFile(path.join(dist, name), 'utf8');
    // The home page is the fixture's (latest) issue, whose 上一期 is now the added issue.
    expect(await read('index.html')).toContain(`/paper/${issueDate(ADDED)}/"`);
    // The archive's calendar of the year links the added issue.
    expect(await read('archive/2023/index.html')).toContain(`/paper/${issueDate(ADDED)}/"`);
    // The feed (the latest three issues) has the added issue's articles.
    expect(await read('rss.xml')).toContain(`https://fixture.example.org${added}`);
    // The sitemap lists the added issue's pages and no longer the deleted article.
    const sitemap = await read('sitemap-0.xml');
    expect(sitemap).toContain(`https://fixture.example.org${added}</loc>`);
    expect(sitemap).not.toContain(`https://fixture.example.org${deleted}</loc>`);
    expect(cold.files.has(`${issueDate(1)}/A01/${a01.length}/index.html`)).toBe(true);
    // The search index holds exactly the article views now in dist/ (one added issue's worth
    // more, one deleted less).
    const bundles = JSON.parse(await read('pagefind/bundles.json')) as { path: string; pages: number }[];
    expect(bundles.map((b) => b.path)).toEqual(['2024-01', '2023-01']);
    let indexed = 0;
    for (const bundle of bundles) {
      const entry = JSON.parse(await read(`pagefind/${bundle.path}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      indexed += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    }
    const articleViews = [...incremental.files.keys()].filter((f) => /^\d{4}-\d{2}-\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(f));
    expect(indexed).toBe(articleViews.length);
    // Both bundles' views changed (the fixture issue's 上一期 is the added issue), so the
    // incremental build indexed both; the forced build after it, over the same views, took
    // both from the search cache. What it took is what indexing without a cache writes.
    expect(incremental.output).toMatch(/in 2 bundles \(2 indexed/);
    expect(full.output).toMatch(/in 2 bundles \(0 indexed, 0 views read; 2 from the cache\)/);
    const fresh = path.join(root, 'fresh-index');
    await rm(fresh, { recursive: true, force: true });
    await cp(dist, fresh, { recursive: true });
    const stats = await buildSearchIndex(fresh);
    expect(stats).toMatchObject({ bundles: 2, indexed: 2, pagesIndexed: articleViews.length });
    const pagefindOf = (files: Map<string, string>) => [...files].filter(([f]) => f.startsWith('pagefind/'));
    expect(pagefindOf(await tree(fresh))).toEqual(pagefindOf(full.files));
    await rm(fresh, { recursive: true, force: true });
  }, BUILDS_TIMEOUT);

  it('after an edition option changes, dist/ is byte-identical to a full build', async () => {
    const config = path.join(root, 'astro.config.mjs');
    const text = await readFile(config, 'utf8');
    expect(text).toContain("paperName: '测试晚报'");
    await writeFile(config, text.replace("paperName: '测试晚报'", "paperName: '测试日报'"));
    const incremental = await build();
    const full = await fullBuild();
    expect(incremental.files).toEqual(full.files);
    // Every page shows the paper's name: none may be a stale copy.
    const page = await readFile(path.join(dist, FIXTURE_ISSUE, '1/index.html'), 'utf8');
    expect(page).toContain('测试日报');
    expect(page).not.toContain('测试晚报');
    reference = full;
  }, BUILDS_TIMEOUT);

  it('a dist/ the last finished build did not write is emptied first, not trusted', async () => {
    // A build that fails halfway has written some files and no manifest: it leaves no stamp.
    // Here a page it cannot reach is left changed, as such a build would have left it.
    const page = path.join(dist, issueDate(UNTOUCHED), 'A01/index.html');
    await writeFile(page, 'half-written');
    await rm(path.join(root, 'node_modules/.astro/newsprint-dist-stamp.json'));
    const next = await build();
    expect(next.output).toMatch(/dist\/ emptied: it was not written by the last finished build/);
    expect(next.rendered.size).toBeLessThan(10);
    expect(next.files).toEqual(reference.files);
  }, BUILDS_TIMEOUT);
});
