import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { planBundles, type SearchBundle } from './bundles.ts';

/**
 * The e-paper's full-text search index, written by Pagefind into `<site>/pagefind/` at the
 * end of a build. Pure Node (no Astro imports): the integration calls it from
 * `astro:build:done` and the benchmark calls it on its own.
 *
 * - Only article views are indexed: they carry `data-pagefind-body` (src/routes/ArticleView),
 *   and the globs keep Pagefind from even parsing page views, issue fronts and the archive.
 * - `forceLanguage: 'zh'` turns on the Chinese word segmentation of Pagefind's extended binary
 *   (the npm package ships and runs it): without it a Chinese sentence is one "word" and
 *   网格员 would match nothing.
 * - The index is split into bundles (src/search/bundles.ts), one folder each under
 *   `pagefind/`, listed newest first in `pagefind/bundles.json` for the search page. A bundle
 *   is keyed by the digest of its article views' bytes; one whose views are unchanged since
 *   an earlier build is linked from the cache (`<cacheDir>/newsprint-search/`), not indexed
 *   again. Pagefind's output is deterministic, so a reused bundle is byte for byte what
 *   indexing would write.
 */

/** The bundle folder inside the built site; the search page reads `bundles.json` in it. */
export const BUNDLE_DIR = 'pagefind';
/** The list of bundles, newest first, that the search page merges. */
export const BUNDLE_LIST = 'bundles.json';
/** Files read, linked or measured at once. */
const BATCH = 64;
/** Bumped when what goes into a bundle changes other than through the views' bytes. */
const INDEX_VERSION = 1;
/**
 * What the search page needs of a bundle. Pagefind also writes its own search UIs (about
 * 470 KB a bundle), which Newsprint does not use; they are left out of the cache and the site.
 */
const KEEP = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)\/.*)$/;

export interface SearchIndexStats {
  /** Article views indexed (in every bundle, reused ones included). */
  pages: number;
  /** Bundles in all, and how many of them were indexed in this build (the rest reused). */
  bundles: number;
  indexed: number;
  /** Article views Pagefind read in this build (those of the indexed bundles). */
  pagesIndexed: number;
  /** Files and bytes of the bundles written into the site. */
  files: number;
  bytes: number;
  /** Wall time of planning, indexing and writing, in milliseconds. */
  ms: number;
}

/** One bundle as listed in `bundles.json`. */
export interface BundleEntry {
  /** The bundle's folder under `pagefind/` (its key: `2023` or `2024-07`). */
  path: string;
  /** Article views in it. */
  pages: number;
}

/**
 * Indexes the built site in `siteDir` into `siteDir/pagefind/`. `cacheDir` keeps bundles for
 * later builds (Astro's `cacheDir`); without one, every bundle is indexed.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const outputPath = path.join(siteDir, BUNDLE_DIR);
  // A bundle left by an earlier build would keep fragments of articles since removed.
  await rm(outputPath, { recursive: true, force: true });
  const bundles = planBundles(await listViews(siteDir));
  const cache = cacheDir ? path.join(cacheDir, 'newsprint-search') : undefined;
  const pagefindVersion = await readPagefindVersion();
  const stats = { pages: 0, bundles: bundles.length, indexed: 0, pagesIndexed: 0, files: 0, bytes: 0 };
  const used = new Set<string>();
  try {
    for (const bundle of bundles) {
      const name = `${bundle.key}-${await bundleDigest(siteDir, bundle, pagefindVersion)}`;
      used.add(name);
      const stored = cache ? path.join(cache, name) : path.join(outputPath, `.${name}`);
      if (!cache || !(await exists(stored))) {
        await indexBundle(siteDir, bundle, stored);
        stats.indexed += 1;
        stats.pagesIndexed += bundle.views.length;
      }
      const { files, bytes } = await placeBundle(stored, path.join(outputPath, bundle.key), Boolean(cache));
      stats.files += files;
      stats.bytes += bytes;
      stats.pages += bundle.views.length;
    }
  } finally {
    await pagefind.close();
  }
  const list: BundleEntry[] = bundles.map((b) => ({ path: b.key, pages: b.views.length }));
  await mkdir(outputPath, { recursive: true });
  await writeFile(path.join(outputPath, BUNDLE_LIST), `${JSON.stringify(list)}\n`);
  if (cache) await pruneCache(cache, used);
  return { ...stats, ms: Math.round(performance.now() - started) };
}

/** Every article view of the built site, as relative paths. */
async function listViews(siteDir: string): Promise<string[]> {
  const views: string[] = [];
  for (const date of await readdir(siteDir).catch(() => [])) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    for (const page of await readdir(path.join(siteDir, date), { withFileTypes: true })) {
      if (!page.isDirectory()) continue;
      for (const article of await readdir(path.join(siteDir, date, page.name), { withFileTypes: true })) {
        if (article.isDirectory()) views.push(`${date}/${page.name}/${article.name}/index.html`);
      }
    }
  }
  return views;
}

/**
 * The bundle's key in the cache: its article views' paths and bytes (all Pagefind reads),
 * Pagefind's version and this file's index settings.
 */
async function bundleDigest(siteDir: string, bundle: SearchBundle, pagefindVersion: string): Promise<string> {
  const hash = createHash('sha256').update(`newsprint-search ${INDEX_VERSION} pagefind ${pagefindVersion} zh\n`);
  // Read many at a time (a year is 17,557 views, one by one 4 s of waiting), hashed in order.
  for (let i = 0; i < bundle.views.length; i += BATCH) {
    const batch = bundle.views.slice(i, i + BATCH);
    const contents = await Promise.all(batch.map((view) => readFile(path.join(siteDir, view))));
    batch.forEach((view, k) => hash.update(`${view}\0${contents[k]!.length}\0`).update(contents[k]!));
  }
  return hash.digest('hex').slice(0, 20);
}

/** Pagefind indexes the bundle's views and writes what the search page needs into `target`. */
async function indexBundle(siteDir: string, bundle: SearchBundle, target: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: 'zh' });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start an index: ${created.errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: bundle.glob });
    if (added.errors.length > 0) throw new Error(`Pagefind could not read the ${bundle.key} article views: ${added.errors.join('; ')}`);
    if (added.page_count !== bundle.views.length) {
      throw new Error(
        `Pagefind indexed ${added.page_count} of the ${bundle.views.length} article views of ${bundle.key}; ` +
          `every article view must carry data-pagefind-body (src/routes/ArticleView.astro).`,
      );
    }
    // Written beside the target and renamed, so an interrupted build leaves no half bundle.
    const temporary = `${target}.tmp-${process.pid}`;
    await rm(temporary, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: temporary });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${bundle.key} bundle: ${written.errors.join('; ')}`);
    for (const file of await filesIn(temporary)) if (!KEEP.test(file)) await rm(path.join(temporary, file));
    await rm(target, { recursive: true, force: true });
    await rename(temporary, target);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Puts a stored bundle into the site: hard links from the cache (a year's bundle is about
 * 20,000 small files), copies where the cache is on another file system; moved when it was
 * indexed straight into the site.
 */
async function placeBundle(stored: string, target: string, fromCache: boolean): Promise<{ files: number; bytes: number }> {
  const files = await filesIn(stored);
  let bytes = 0;
  if (!fromCache) {
    await rename(stored, target);
  } else {
    const folders = new Set(files.map((f) => path.dirname(f)));
    for (const folder of folders) await mkdir(path.join(target, folder), { recursive: true });
    for (let i = 0; i < files.length; i += BATCH) {
      await Promise.all(
        files.slice(i, i + BATCH).map(async (file) => {
          const from = path.join(stored, file);
          const to = path.join(target, file);
          await link(from, to).catch(() => copyFile(from, to));
        }),
      );
    }
  }
  for (let i = 0; i < files.length; i += BATCH) {
    const sizes = await Promise.all(files.slice(i, i + BATCH).map(async (file) => (await stat(path.join(target, file))).size));
    bytes += sizes.reduce((a, b) => a + b, 0);
  }
  return { files: files.length, bytes };
}

/** Cached bundles this build did not use are removed: the cache holds one archive's worth. */
async function pruneCache(cache: string, used: Set<string>): Promise<void> {
  for (const entry of await readdir(cache).catch(() => [])) {
    if (!used.has(entry)) await rm(path.join(cache, entry), { recursive: true, force: true });
  }
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const exists = (p: string) => stat(p).then(() => true, () => false);

async function readPagefindVersion(): Promise<string> {
  const manifest = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), '../package.json');
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}
