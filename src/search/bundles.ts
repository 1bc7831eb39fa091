/**
 * How the archive's search index is split into Pagefind bundles. Pure TypeScript (no Astro,
 * no Pagefind): the index builder plans with it, and tests check the plan in process.
 *
 * Why split at all: Pagefind has no incremental mode (Pagefind/pagefind#71). One index for the
 * whole archive is rebuilt from every article view on every build: measured with Pagefind 1.6
 * on 2 cores, about 7 ms of CPU and 0.6 MB of memory an article (a year of a daily, 17,557
 * article views: 151 s and 9.3 GB), growing with the archive. Bundles whose article views are
 * unchanged are copied from a cache, so a day's build indexes only the bundle its new issue
 * lands in.
 *
 * Why a month: Pagefind's memory grows with the articles of one index (custom records cost the
 * same as HTML files, measured), so a bundle must stay small for a build to stay within 2 GB:
 * a month of a daily is about 1,500 articles, 1 GB and 11 s of CPU to index. A year bundle
 * would need 9 GB once a year. A month is also what a correction re-indexes. The search page
 * merges the bundles (Pagefind's multisite search, `mergeIndex`); each costs the reader about
 * 19 KB of metadata on the first search (measured on a month of 1,536 articles), where one
 * index for the same articles grows its metadata and its word chunks with the archive anyway.
 */

/** Article views are `<date>/<page>/<article>/index.html`, relative to the built site. */
const VIEW = /^(\d{4})-(\d{2})-\d{2}\/[^/]+\/[^/]+\/index\.html$/;

export interface SearchBundle {
  /** The month, `2024-07`; also the bundle's folder name under `pagefind/`. */
  key: string;
  /** Pagefind's glob for exactly this bundle's article views, relative to the built site. */
  glob: string;
  /** The bundle's article views (relative paths, sorted). */
  views: string[];
}

/** Whether a relative path inside the built site is an article view. */
export const isArticleView = (relative: string): boolean => VIEW.test(relative);

/**
 * The bundles for these article views, newest first (the search page uses the first as
 * Pagefind's primary bundle and merges the others). Paths that are not article views are
 * left out.
 */
export function planBundles(views: readonly string[]): SearchBundle[] {
  const byKey = new Map<string, string[]>();
  for (const view of views.filter(isArticleView).sort()) {
    const key = view.slice(0, 7);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(view);
  }
  // The views were sorted, so the months arrive oldest first.
  return [...byKey].reverse().map(([key, list]) => ({ key, glob: `${key}-*/*/*/index.html`, views: list }));
}
