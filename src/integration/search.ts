import type { HookParameters } from 'astro';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, buildSearchIndex } from '../search/build-index.ts';

/**
 * Full-text search in the integration: once Astro has written every page, Pagefind indexes
 * the article views and writes its bundles next to them (src/search/build-index.ts), keeping
 * them in Astro's cache folder so that the next build indexes only the bundles whose views
 * changed. The search page (`/search/`) loads them; `astro dev` has none and says so.
 */
export function searchHooks() {
  let cacheDir = '';
  return {
    /** The folder of dist/ the index replaces whole on every build. */
    folder: BUNDLE_DIR,
    configDone({ config }: HookParameters<'astro:config:done'>) {
      cacheDir = fileURLToPath(config.cacheDir);
    },
    async buildDone({ dir, logger }: HookParameters<'astro:build:done'>) {
      const log = logger.fork('newsprint:search');
      const s = await buildSearchIndex(fileURLToPath(dir), cacheDir || undefined);
      log.info(
        `search index: ${s.pages} article views in ${s.bundles} bundles (${s.indexed} indexed, ${s.pagesIndexed} views read; ` +
          `${s.bundles - s.indexed} from the cache), ${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB in ${s.ms} ms`,
      );
    },
  };
}
