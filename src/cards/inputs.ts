import type { Edition } from '../schemas/edition.ts';
import type { ArticleData } from '../schemas/article.ts';
import type { PageData } from '../schemas/page.ts';
import { formatChineseDate, weekdayOf } from '../model/dates.ts';

/**
 * What a card shows, as plain data: everything that changes its pixels and nothing else, so
 * the cache key is a hash of this object (plus design version and font bytes).
 */

interface CardCommon {
  /** The paper's name for the masthead. */
  paperName: string;
  /** Sample content gets a 示例 badge. */
  sample: boolean;
  /** `2023年7月2日 星期日` */
  dateLine: string;
  /** `第A03版·要闻` */
  pageLine: string;
}

export interface ArticleCardInput extends CardCommon {
  kind: 'article';
  kicker?: string;
  /** The headline's printed lines. */
  headline: string[];
  deck?: string;
  /** The byline on one line: `文/片 记者 夏侯凤超　通讯员 刘亚男`. */
  byline?: string;
}

export interface PageCardInput extends CardCommon {
  kind: 'page';
  /** The page number as printed, for the page tab. */
  page: string;
  section: string;
  /** The page's headlines in reading order, each as one line of text. */
  headlines: string[];
}

export type CardInput = ArticleCardInput | PageCardInput;

/** A card to make: where it goes, what it shows, and who to name in warnings. */
export interface CardJob {
  /** The file's path under the output folder, `2023-07-02/A03/1/card.png`. */
  path: string;
  /** What warnings name: the content file, or the card's path when there is none. */
  source: string;
  /** Other sources by field, when a field comes from elsewhere (a page card's headlines). */
  fieldSources?: Record<string, string>;
  input: CardInput;
}

/** The byline as printed on one line; an ideographic space separates the entries. */
export function bylineText(byline: ArticleData['byline']): string | undefined {
  const parts = byline.map((b) => [b.mark, b.role, ...b.names].filter(Boolean).join(' '));
  return parts.length > 0 ? parts.join('\u3000') : undefined;
}

// The middle dot of Noto SC is a full-width character: no spaces around it.
const pageLine = (page: PageData) => `第${page.number}版·${page.section}`;

/** What a card takes from the edition's options. */
export type CardEdition = Pick<Edition, 'paperName' | 'sample'>;

function common(edition: CardEdition, page: PageData): CardCommon {
  return {
    paperName: edition.paperName,
    sample: edition.sample,
    dateLine: `${formatChineseDate(page.date)} ${weekdayOf(page.date)}`,
    pageLine: pageLine(page),
  };
}

/** The card of an article. */
export function articleCardInput(edition: CardEdition, page: PageData, data: ArticleData): ArticleCardInput {
  return {
    ...common(edition, page),
    kind: 'article',
    ...(data.kicker ? { kicker: data.kicker } : {}),
    headline: data.headline,
    ...(data.deck ? { deck: data.deck } : {}),
    ...(data.byline.length > 0 ? { byline: bylineText(data.byline) } : {}),
  };
}

/** The card of a page: its headlines in reading order. */
export function pageCardInput(edition: CardEdition, page: PageData, headlines: string[][]): PageCardInput {
  return {
    ...common(edition, page),
    kind: 'page',
    page: page.number,
    section: page.section,
    headlines: headlines.map((lines) => lines.join(' ')),
  };
}
