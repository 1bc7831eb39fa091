/**
 * How a page is judged against its sheet (place.ts): which of the search's candidates the
 * make-up tries first, and when a page is stretched to fill the sheet. A page of `row` bands is
 * judged on neither: each band is searched on its own, and the page is as tall as its bands.
 */
import { BODY_LEADING } from './metrics.ts';
import type { Candidate } from './partition.ts';
import { SHEET_TO_FILL } from './sheet.ts';

/** A page whose content falls short of the sheet by at most this many em per stacked block is stretched to fill it. */
export const FILL_PER_BLOCK = 0.6 * BODY_LEADING;

/**
 * True when content `height` em tall, with `absorb` blocks sharing a stretch from above, nearly
 * fills a sheet `sheetHeight` em tall: short of it, by at most `FILL_PER_BLOCK` a block.
 */
export function fillsSheet(height: number, absorb: number, sheetHeight: number): boolean {
  const short = sheetHeight - height;
  return short > 0 && short <= FILL_PER_BLOCK * absorb;
}

/**
 * A band's candidates in the order the make-up tries them, cheapest first, for a page alone on
 * a sheet `sheetHeight` em tall and `width` em wide (no sheet: a page of bands, by cost alone):
 * - content over the sheet costs its overset area (it shows whole, and fit-report.ts says by
 *   how much it is over), so a shorter arrangement wins before one that runs further over;
 * - when the cheapest so ranked comes within `SHEET_TO_FILL` of the sheet, the page is judged on
 *   the whole sheet: blank left at its foot is as much a hole as blank inside a block, so the
 *   arrangement that fills more of the sheet wins, as a make-up editor sets the lead's photo
 *   beside the text before leaving the foot of the page empty. A page well short of copy is
 *   not: it is set as short as its content.
 * The search's own order (its score) also weighs a lead smaller than another block; that rule
 * is checked on each candidate's geometry instead (place.ts), so it is not weighed here.
 */
export function tryOrder(candidates: readonly Candidate[], sheetHeight: number | undefined, width: number): Candidate[] {
  const over = (c: Candidate) => (sheetHeight === undefined ? 0 : Math.max(0, c.height - sheetHeight) * width);
  const tight = [...candidates].sort((x, y) => x.cost + over(x) - (y.cost + over(y)));
  if (sheetHeight === undefined || tight.length === 0 || tight[0]!.height < SHEET_TO_FILL * sheetHeight) return tight;
  const foot = (c: Candidate) => Math.max(0, sheetHeight - c.height) * width;
  return tight.sort((x, y) => x.cost + over(x) + foot(x) - (y.cost + over(y) + foot(y)));
}
