import type { HookParameters } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../search/build-index.ts';

/**
 * Full-text search in the integration: once Astro has written every page, Pagefind indexes
 * the article views and writes its bundle next to them (src/search/build-index.ts). The
 * search page (`/search/`) loads that bundle; `astro dev` has none and says so.
 */
export async function searchBuildDone({ dir, logger }: HookParameters<'astro:build:done'>) {
  const log = logger.fork('newsprint:search');
  const stats = await buildSearchIndex(fileURLToPath(dir));
  log.info(
    `search index: ${stats.pages} article views, ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB in ${stats.ms} ms`,
  );
}
