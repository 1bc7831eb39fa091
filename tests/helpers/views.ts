import { attr, findAll } from './html.ts';
import type { BuiltEdition } from './editions.ts';
import { htmlFiles, view } from './site-files.ts';

/**
 * The URL of one view of each kind in a built edition, found from its files: home, the latest
 * issue front, that issue's first page and first article, the archive and a year of it,
 * search (with a query, so results are shown) and 404.
 */
export function sampleViews(built: BuiltEdition, query: string): Record<string, string> {
  const files = htmlFiles(built.outDir);
  const latest = files.filter((f) => /^\d{4}-\d{2}-\d{2}\/index\.html$/.test(f)).sort().at(-1)!.slice(0, 10);
  const front = view(built, `${built.base}${latest}/`);
  const pageHref = findAll(front, (el) => el.tagName === 'a' && new RegExp(`^${built.base}${latest}/[^/]+/$`).test(attr(el, 'href') ?? ''))[0];
  const articleHref = findAll(front, (el) => el.tagName === 'a' && new RegExp(`^${built.base}${latest}/[^/]+/[^/]+/$`).test(attr(el, 'href') ?? ''))[0];
  const year = files.filter((f) => /^archive\/\d{4}\/index\.html$/.test(f)).sort()[0]!.slice(8, 12);
  return {
    home: built.base,
    issue: `${built.base}${latest}/`,
    page: attr(pageHref!, 'href')!,
    article: attr(articleHref!, 'href')!,
    archive: `${built.base}archive/`,
    'archive year': `${built.base}archive/${year}/`,
    search: `${built.base}search/?q=${encodeURIComponent(query)}`,
    '404': `${built.base}404.html`,
  };
}
