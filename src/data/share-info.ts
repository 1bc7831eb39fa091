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
  const firstParagraph = sections.flatMap((s) => s.paragraphs)[0];
  const stack = [data.kicker, headline, data.deck].filter(Boolean).join(' ');
  return {
    title: headline,
    description: clip(data.lead ?? data.deck ?? firstParagraph ?? headline),
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
