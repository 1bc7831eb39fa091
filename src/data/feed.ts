import type { Edition } from '../schemas/edition.ts';
import type { Issue } from './edition-data.ts';
import { articleDescription } from './share-info.ts';
import { publishedTime } from '../model/dates.ts';
import { articleHref } from '../model/urls.ts';

/**
 * The RSS feed's items: every article of the latest issues, in the order of the paper (newest
 * issue first, then page and reading order). Pure; `src/routes/rss.xml.ts` hands them to
 * `@astrojs/rss`.
 */

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

export function feedItems(edition: Edition, issues: readonly Issue[]): FeedItem[] {
  return issues.slice(0, edition.feedIssues).flatMap((issue) =>
    issue.pages.flatMap((page) =>
      page.articles.map((article) => ({
        title: article.data.headline.join(''),
        link: new URL(articleHref(edition.base, issue.date, page.number, article.slug), edition.site).href,
        pubDate: new Date(publishedTime(issue.date, edition.timeZone)),
        description: articleDescription(article.data, article.sections),
        categories: [page.section, ...article.data.tags],
      })),
    ),
  );
}
