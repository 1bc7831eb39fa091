import type { Issue, Page } from './edition-data.ts';
import { articleHref, issueHref, pageHref } from '../model/urls.ts';
import { formatChineseDate, weekdayOf } from '../model/dates.ts';

/**
 * Navigation between issues, pages and articles, derived from the edition alone. Pure
 * functions (no Astro imports), so a route's cache key can be computed from the same data
 * the route shows.
 */

/** A link to another issue, page or article, with the words a reader sees. */
export interface NavLink {
  href: string;
  label: string;
}

/** An issue's neighbours in time: `older` is 上一期, `newer` is 下一期. */
export interface IssueNeighbours {
  older?: Issue;
  newer?: Issue;
}

/** `2023年7月2日 星期日` */
export const issueLabel = (date: string) => `${formatChineseDate(date)} ${weekdayOf(date)}`;
/** `第A03版：要闻` */
export const pageLabel = (page: Pick<Page, 'number' | 'section'>) => `第${page.number}版：${page.section}`;

/**
 * Each issue's older and newer neighbour, keyed by date. `issues` is newest first, as
 * `getIssues()` gives it.
 */
export function issueNeighbours(issues: readonly Issue[]): Map<string, IssueNeighbours> {
  return new Map(issues.map((issue, i) => [issue.date, { newer: issues[i - 1], older: issues[i + 1] }]));
}

export const issueLink = (base: string, issue: Issue | undefined): NavLink | undefined =>
  issue && { href: issueHref(base, issue.date), label: issueLabel(issue.date) };

/** One page in the compact 版面导航: its number, section and whether it is the one shown. */
export interface PageTab extends NavLink {
  number: string;
  section: string;
  /**
   * `aria-current`: `page` on the page view itself (the link is this document), `true` on an
   * article view for the page the article is on (the current item of the set, WAI-ARIA 1.2).
   */
  current?: 'page' | 'true';
}

/** What the compact 版面导航 of a page or article view shows. */
export interface EditionNav {
  issue: NavLink;
  pages: PageTab[];
  previousPage?: NavLink;
  nextPage?: NavLink;
  olderIssue?: NavLink;
  newerIssue?: NavLink;
}

/**
 * The compact 版面导航 around a page (`view: 'page'`) or an article on it (`view: 'article'`):
 * every page of the issue with the current one marked, the previous and next page, and the
 * previous and next issue.
 */
export function editionNav(
  base: string,
  issue: Issue,
  neighbours: IssueNeighbours,
  pageNumber: string,
  view: 'page' | 'article',
): EditionNav {
  const index = issue.pages.findIndex((p) => p.number === pageNumber);
  const link = (page: Page | undefined): NavLink | undefined =>
    page && { href: pageHref(base, issue.date, page.number), label: pageLabel(page) };
  return {
    issue: { href: issueHref(base, issue.date), label: issueLabel(issue.date) },
    pages: issue.pages.map((page) => ({
      href: pageHref(base, issue.date, page.number),
      label: pageLabel(page),
      number: page.number,
      section: page.section,
      current: page.number === pageNumber ? (view === 'page' ? 'page' : 'true') : undefined,
    })),
    previousPage: index > 0 ? link(issue.pages[index - 1]) : undefined,
    nextPage: link(issue.pages[index + 1]),
    olderIssue: issueLink(base, neighbours.older),
    newerIssue: issueLink(base, neighbours.newer),
  };
}

/** The other articles of a page, in reading order, for the article view's 本版其他文章. */
export function otherArticles(base: string, date: string, page: Page, slug: string): NavLink[] {
  return page.articles
    .filter((a) => a.slug !== slug)
    .map((a) => ({ href: articleHref(base, date, page.number, a.slug), label: a.data.headline.join(' ') }));
}
