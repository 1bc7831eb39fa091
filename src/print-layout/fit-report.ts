/**
 * How a made-up page fits its sheet, for the pre-press check: the sheet's capacity in lines of
 * body text at the designed type size (sheet.ts), the lines the page's blocks take, and the
 * overset (lines that do not fit: copy to cut, or the type to set smaller when printing) or
 * underset (lines the page falls short: it prints shorter than its sheet). Pure: the same
 * numbers the page view is laid out with, so the check and the page never disagree.
 */
import { BODY_LEADING } from './metrics.ts';
import { layoutPage, type BlockInput, type LayoutOptions, type PageLayout } from './place.ts';

export interface FitReport {
  /** Lines of body text the sheet's block area holds at the designed type size. */
  sheetLines: number;
  /** Lines the page's blocks take as made up, before any stretch to fill the sheet (to 0.1). */
  usedLines: number;
  /** `usedLines / sheetLines` (to 0.001): 1 is a full sheet, above 1 overset. */
  ratio: number;
  /** Lines over the sheet, 0 when the page fits (to 0.1). */
  oversetLines: number;
  /** Lines short of the sheet, 0 when it is full or overset (to 0.1). */
  undersetLines: number;
  /** True when the blocks were stretched to fill the sheet exactly (the content nearly did). */
  filled: boolean;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/** The fit of a page already laid out by `layoutPage`. */
export function fitReport(layout: PageLayout): FitReport {
  const sheetLines = Math.round(layout.sheetHeight / BODY_LEADING);
  const used = layout.contentHeight / BODY_LEADING;
  return {
    sheetLines,
    usedLines: tenth(used),
    ratio: Math.round((used / sheetLines) * 1000) / 1000,
    oversetLines: tenth(Math.max(0, used - sheetLines)),
    undersetLines: layout.filled ? 0 : tenth(Math.max(0, sheetLines - used)),
    filled: layout.filled,
  };
}

/**
 * The fit of a page from its articles (in reading order, the lead first), laid out exactly as
 * the page view lays them out. Example: `pageFit(articles.map(toBlockInput), { format: 'broadsheet' })`
 * → `{ sheetLines: 78, usedLines: 83.4, ratio: 1.069, oversetLines: 5.4, undersetLines: 0, filled: false }`.
 */
export function pageFit(blocks: BlockInput[], options: LayoutOptions = {}): FitReport {
  return fitReport(layoutPage(blocks, options));
}
