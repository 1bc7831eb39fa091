import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * The e-paper's full-text search index, written by Pagefind into `<site>/pagefind/` at the
 * end of a build. Pure Node (no Astro imports): the integration calls it from
 * `astro:build:done` and the benchmark calls it on its own.
 *
 * - Only article views are indexed: they carry `data-pagefind-body` (src/routes/ArticleView),
 *   and Pagefind skips every page without it once one page has it. The glob keeps Pagefind
 *   from even parsing page views, issue fronts and the archive.
 * - `forceLanguage: 'zh'` makes one index for the whole edition and turns on the Chinese word
 *   segmentation of Pagefind's extended binary (the npm package ships and runs it): without
 *   it a Chinese sentence is one "word" and 网格员 would match nothing.
 */

/** Article views are `/<date>/<page>/<article>/index.html`. */
export const ARTICLE_GLOB = '*/*/*/index.html';
/** The bundle folder inside the built site; the search page loads `pagefind.js` from it. */
export const BUNDLE_DIR = 'pagefind';

export interface SearchIndexStats {
  /** Article views indexed. */
  pages: number;
  /** Files and bytes of the bundle written. */
  files: number;
  bytes: number;
  /** Wall time of indexing and writing, in milliseconds. */
  ms: number;
}

/** Indexes the built site in `siteDir` and writes the bundle into `siteDir/pagefind/`. */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  const outputPath = path.join(siteDir, BUNDLE_DIR);
  // A bundle left by an earlier build would keep fragments of articles since removed.
  await rm(outputPath, { recursive: true, force: true });
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' });
    const index = created.index;
    if (!index) throw new Error(created.errors.join('; '));
    const added = await index.addDirectory({ path: siteDir, glob: ARTICLE_GLOB });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    const { files, bytes } = await folderSize(outputPath);
    return { pages: added.page_count, files, bytes, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
