import { createHash } from 'node:crypto';
import type { Edition } from '../schemas/edition.ts';
import type { Article, Issue, Page } from './edition-data.ts';
import type { IssueNeighbours } from './navigation.ts';

/**
 * The `cacheKey` of every page Newsprint generates, for Astro's incremental builds
 * (`experimental.incrementalBuild`): Astro skips a path, and copies its earlier output, when
 * the key and the hash of the route's module graph both match the last build. Code is
 * covered by that hash and dependencies by Astro's lockfile hash; a key must therefore
 * cover all the *data* a page shows, and nothing more, so a page is rendered again exactly
 * when its output would change:
 *
 * - an article's content through the content layer's digest of its file (front matter and
 *   body; the glob loader hashes the raw file), and its address (slug, entry id);
 * - a page's own fields (section, credits, front…), small enough to hash whole;
 * - what a view shows of *other* entries: every page and article view the issue's page list
 *   (版面导航: numbers and sections) and the dates of the previous and next issue; an article
 *   view its page's fields, the headlines and addresses of the page's other articles
 *   (本版其他文章) and of the previous and next article; a page view every article on it; an
 *   issue front every page and article of the issue;
 * - nothing of the archive as a whole: the views that list it (home, archive, search, RSS,
 *   sitemap, search index) have no cacheKey and are made again on every build;
 * - the edition options (paper name, base, format…), which reach the pages through a
 *   virtual module that Astro's config hash does not see;
 * - VIEW_VERSION, for anything else the pages show that is neither code nor data.
 *
 * Keys are SHA-256 digests, so they stay short in Astro's manifest however large a page is.
 */

/** Bump when pages change for a reason neither their code nor their data shows. */
export const VIEW_VERSION = 1;

function key(kind: string, edition: Edition, parts: unknown): string {
  return createHash('sha256').update(JSON.stringify([VIEW_VERSION, kind, edition, parts])).digest('base64url');
}

/** A page's own fields, without its articles. */
function pageFields(page: Page): unknown {
  const { articles: _articles, ...fields } = page;
  return fields;
}

/** An article by its address and the digest of its file. */
const articleRef = (article: Article) => [
  article.slug,
  article.entry.id,
  article.entry.digest === undefined ? [article.entry.data, article.entry.body] : String(article.entry.digest),
];

/** How an article view names a neighbour or another article of its page: address and headline. */
const neighbour = (item: { page: Page; article: Article } | undefined) =>
  item && [item.page.number, item.article.slug, item.article.data.headline];

/** The compact 版面导航 and the issue pager: every page's number and section, the neighbouring issues' dates. */
const navigation = (issue: Issue, neighbours: IssueNeighbours) => [
  issue.pages.map((p) => [p.number, p.section]),
  neighbours.older?.date,
  neighbours.newer?.date,
];

/** An issue front (also what the home page shows of the latest issue). */
export function issueKey(edition: Edition, item: { issue: Issue; neighbours: IssueNeighbours }): string {
  const { issue } = item;
  return key('issue', edition, [issue.date, issue.pages.map((page) => [pageFields(page), page.articles.map(articleRef)]), navigation(issue, item.neighbours)]);
}

/** A page view: its fields, its articles, and the issue's navigation. */
export function pageKey(edition: Edition, item: { issue: Issue; page: Page; neighbours: IssueNeighbours }): string {
  const { issue, page } = item;
  return key('page', edition, [issue.date, pageFields(page), page.articles.map(articleRef), navigation(issue, item.neighbours)]);
}

/**
 * An article view: its file, its page's fields, the other articles of the page (本版其他文章),
 * the previous and next article, and the issue's navigation.
 */
export function articleKey(
  edition: Edition,
  item: {
    issue: Issue;
    page: Page;
    article: Article;
    previous?: { page: Page; article: Article };
    next?: { page: Page; article: Article };
    neighbours: IssueNeighbours;
  },
): string {
  const { issue, page, article } = item;
  const others = page.articles.map((a) => a !== article && [a.slug, a.data.headline]);
  return key('article', edition, [
    issue.date,
    pageFields(page),
    articleRef(article),
    others,
    neighbour(item.previous),
    neighbour(item.next),
    navigation(issue, item.neighbours),
  ]);
}
