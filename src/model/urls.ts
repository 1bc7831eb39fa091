/**
 * The e-paper's URL scheme, readable, ASCII and stable (see notes/e-paper.md):
 * `/<date>/` an issue, `/<date>/<page>/` a page, `/<date>/<page>/<article>/` an article.
 * Every function takes the site's base path, which always starts and ends with `/`.
 */

/** Joins the base path and URL segments into a path ending in `/`. */
function join(base: string, ...segments: string[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;
}

export const homeHref = (base: string) => join(base);
export const issueHref = (base: string, date: string) => join(base, date);
export const pageHref = (base: string, date: string, page: string) => join(base, date, page);
export const articleHref = (base: string, date: string, page: string, slug: string) =>
  join(base, date, page, slug);

/** The share card (Open Graph image) of a page or article sits next to its HTML. */
export const cardFileName = 'card.png';
export const pageCardHref = (base: string, date: string, page: string) => `${pageHref(base, date, page)}${cardFileName}`;
export const articleCardHref = (base: string, date: string, page: string, slug: string) =>
  `${articleHref(base, date, page, slug)}${cardFileName}`;

/** The archive: `/archive/` lists the years, `/archive/<year>/` holds that year's calendar. */
export const archiveHref = (base: string) => join(base, 'archive');
export const archiveYearHref = (base: string, year: number | string) => join(base, 'archive', String(year));
/** The search page and the RSS feed. */
export const searchHref = (base: string) => join(base, 'search');
export const feedHref = (base: string) => `${join(base)}rss.xml`;
