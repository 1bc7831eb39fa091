import type { Edition } from '../schemas/edition.ts';
import type { ArticleData } from '../schemas/article.ts';
import type { PageData } from '../schemas/page.ts';
import type { BodySection } from '../model/body.ts';
import type { ShareInfo } from '../model/share.ts';
import { articleCardHref, pageCardHref } from '../model/urls.ts';
import { formatChineseDate, publishedTime } from '../model/dates.ts';

/** Descriptions longer than this are cut: consumers show about two lines of it. */
const DESCRIPTION_LIMIT = 120;

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= DESCRIPTION_LIMIT ? text : `${chars.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`;
}

/** The first sentence of a paragraph: up to the first 。！？ (GB/T 15834 sentence-final marks) and a closing quote after it. */
export function firstSentence(paragraph: string): string {
  const match = /^.*?[。！？]+[”’」』）]*/u.exec(paragraph);
  return match ? match[0] : paragraph;
}

/**
 * An article's one-line summary (`<meta name="description">`, `og:description`, the feed and
 * JSON-LD): its lead (导语), else its deck (副题), else the first sentence of its body, else
 * its headline; at most 120 characters.
 */
export function articleDescription(data: ArticleData, sections: BodySection[]): string {
  const firstParagraph = sections.flatMap((s) => s.paragraphs)[0];
  return clip(data.lead ?? data.deck ?? (firstParagraph && firstSentence(firstParagraph)) ?? data.headline.join(''));
}

/** The share metadata of an article view. */
export function articleShareInfo(
  edition: Edition,
  date: string,
  page: PageData,
  slug: string,
  data: ArticleData,
  sections: BodySection[],
): ShareInfo {
  const headline = data.headline.join('');
  const stack = [data.kicker, headline, data.deck].filter(Boolean).join(' ');
  return {
    title: headline,
    description: articleDescription(data, sections),
    type: 'article',
    image: articleCardHref(edition.base, date, page.number, slug),
    imageAlt: `${edition.paperName} ${formatChineseDate(date)} 第${page.number}版：${stack}`,
    publishedTime: publishedTime(date, edition.timeZone),
    section: page.section,
  };
}

/** The share metadata of a page view: the page's name and its headlines. */
export function pageShareInfo(edition: Edition, page: PageData, headlines: string[]): ShareInfo {
  const name = `${formatChineseDate(page.date)} 第${page.number}版：${page.section}`;
  return {
    title: `${edition.paperName} ${name}`,
    description: clip(headlines.join('；') || name),
    type: 'website',
    image: pageCardHref(edition.base, page.date, page.number),
    imageAlt: `${edition.paperName} ${name}。本版标题：${headlines.join('；')}`,
    publishedTime: publishedTime(page.date, edition.timeZone),
  };
}

/**
 * The share metadata of an issue front (and of the home page, which shows the latest issue):
 * the issue's date, the front page's headlines, and the front page's card, whose masthead,
 * date and headlines stand for the issue.
 */
export function issueShareInfo(edition: Edition, date: string, front: PageData | undefined, headlines: string[]): ShareInfo {
  const name = `${edition.paperName} ${formatChineseDate(date)}`;
  return {
    title: name,
    description: clip(headlines.length > 0 ? `${formatChineseDate(date)}要闻：${headlines.join('；')}` : name),
    type: 'website',
    image: front && pageCardHref(edition.base, date, front.number),
    imageAlt: `${name}${front ? ` 第${front.number}版` : ''}。${headlines.join('；')}`,
    publishedTime: publishedTime(date, edition.timeZone),
  };
}

/**
 * The share metadata of the site's own views (archive, search, 404): their title and summary,
 * with the latest issue's front card as the picture.
 */
export function siteShareInfo(edition: Edition, title: string, description: string, latest?: { date: string; front?: PageData }): ShareInfo {
  const front = latest?.front;
  return {
    title: `${title} | ${edition.paperName}`,
    description: clip(description),
    type: 'website',
    image: latest && front && pageCardHref(edition.base, latest.date, front.number),
    imageAlt: latest && front ? `${edition.paperName} ${formatChineseDate(latest.date)} 第${front.number}版` : edition.paperName,
  };
}
