import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import edition from 'virtual:newsprint/config';
import { getIssues } from '../data/edition-data.ts';
import { feedItems } from '../data/feed.ts';
import { homeHref } from '../model/urls.ts';

/**
 * `/rss.xml`: the RSS 2.0 feed of the latest issues (`feedIssues`, default 3), every article
 * with its headline, link, publication time and lead or description, through `@astrojs/rss`.
 */
export const GET: APIRoute = async () => {
  const issues = await getIssues();
  return rss({
    title: edition.paperName,
    description: `${edition.paperName}数字报：最近${Math.min(edition.feedIssues, issues.length)}期的全部文章`,
    site: new URL(homeHref(edition.base), edition.site).href,
    items: feedItems(edition, issues),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
};
