/**
 * The search filters of an article, shared by the article view (which writes them into the
 * index) and the search page (which labels them). Pure TypeScript.
 */

/** Filter keys, in the order the search page shows them, with their Chinese labels. */
export const FILTER_LABELS = {
  year: '年份',
  month: '月份',
  page: '版次',
  section: '版名',
} as const;

export type FilterKey = keyof typeof FILTER_LABELS;

/**
 * The filter values of an article: `year` 2023, `month` 2023-07 (with its year, so July of
 * two years never merge), `page` A03 and `section` 要闻.
 */
export function searchFilters(date: string, page: string, section: string): Record<FilterKey, string> {
  return { year: date.slice(0, 4), month: date.slice(0, 7), page, section };
}

/**
 * A filter value as Pagefind must be given it to record the very text: Pagefind decodes a
 * filter's character references once more than HTML does (a section `A&amp;B`, written
 * `A&amp;amp;B` in the page, was offered as `A&B`; element text and inline values alike), so
 * every `&` is written as `&amp;` before the page's own escaping. Nothing else is touched: a
 * `<` or a comma reaches the index as it is.
 */
export const filterValue = (value: string): string => value.replaceAll('&', '&amp;');
