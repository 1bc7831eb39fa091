/**
 * How the archive's search index is split into Pagefind bundles. Pure TypeScript (no Astro,
 * no Pagefind): the index builder plans with it, and tests check the plan in process.
 *
 * Why split at all: Pagefind has no incremental mode (Pagefind/pagefind#71). One index for the
 * whole archive is rebuilt from every article view on every build, about 7 ms of CPU and
 * 0.6 MB of memory an article on 2 cores (measured, README "Search"): minutes a year, growing
 * with the archive. Bundles whose article views are unchanged are copied from a cache, so a
 * day's build indexes only the bundle its new issue lands in.
 *
 * Why these bundles: the latest year is split by month, so a new issue re-indexes at most a
 * month (about 1,500 articles); every earlier year is one bundle, so a reader's browser loads
 * at most 12 bundles plus one a year (Pagefind's multisite merge, `mergeIndex`, loads every
 * bundle's metadata on the first search). The price: on the first issue of a year, the year
 * before is indexed once as one bundle.
 */

/** Article views are `<date>/<page>/<article>/index.html`, relative to the built site. */
const VIEW = /^(\d{4})-(\d{2})-\d{2}\/[^/]+\/[^/]+\/index\.html$/;

export interface SearchBundle {
  /** `2023` for a whole year, `2024-07` for a month of the latest year; also its folder name. */
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
  const dated = views.filter(isArticleView).sort();
  const latestYear = dated.at(-1)?.slice(0, 4);
  const byKey = new Map<string, string[]>();
  for (const view of dated) {
    const key = view.slice(0, 4) === latestYear ? view.slice(0, 7) : view.slice(0, 4);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(view);
  }
  return [...byKey]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([key, list]) => ({ key, glob: `${key}-*/*/*/index.html`, views: list }));
}
