/**
 * Automatic placement of a page's article blocks on its column grid (基本栏 merged into
 * 变栏), from article order and length, with per-article overrides from front matter.
 *
 * The page is a stack of rows; each row is divided among its blocks, left to right in
 * reading order. The lead article (the first) opens row 1 and is never narrower than a block
 * beside it; when it is long enough to fill the page's width it has the row to itself and spans
 * the whole page (通栏), otherwise it shares the row. The other articles follow in rows of up to
 * a third of the grid's columns in blocks. Within a row every division of the columns is tried
 * and the one whose tallest block is shortest wins, so the blocks of a row end as level as
 * their lengths allow. Spans never overlap and always add up to at most the grid.
 */
import { bestSide, headlineStep, layoutBody, stackHeight, type BlockContent } from './estimate.ts';
import type { HeadlineStep } from './metrics.ts';

export interface BlockInput extends BlockContent {
  /** Identifies the block in the output (the article's slug). */
  id: string;
  /** Front-matter overrides: columns spanned, row (1 for the top). */
  placement?: { columns?: number; row?: number };
}

export interface PlacedBlock {
  id: string;
  /** Row of the page, from 1, with no gaps. */
  row: number;
  /** First basic column, from 1. */
  column: number;
  /** Basic columns spanned. */
  span: number;
  /** Columns of the block given to the lead and figures beside the body (0: all in the flow). */
  side: number;
  /** Columns the body flows in, after the side column; fewer than the rest for a short body. */
  bodyColumns: number;
  /** The headline's size step. */
  headline: HeadlineStep;
  /** True for the page's lead article (the first). */
  lead: boolean;
  /** Estimated height in em, for tests and diagnostics. */
  height: number;
}

interface Sized {
  span: number;
  side: number;
  bodyColumns: number;
  headline: HeadlineStep;
  height: number;
}

function size(block: BlockInput, span: number, isLead: boolean, columns: number): Sized {
  const largest: HeadlineStep = isLead && span === columns ? 'xl' : span >= columns / 2 ? 'l' : 'm';
  const headline = headlineStep(block, span, largest);
  const { side, height } = bestSide(block, span);
  const bodyColumns = layoutBody(block, span, side).columns;
  return { span, side, bodyColumns, headline, height: height + stackHeight(block, span, headline) };
}

/** True when the article's body, set across the whole page, fills every column it is given. */
function fillsWidth(block: BlockInput, columns: number): boolean {
  const { side } = bestSide(block, columns);
  return layoutBody(block, columns, side).columns === columns - side;
}

/** Every way to split `total` columns among blocks whose span is fixed or at least `min`. */
function divisions(fixed: (number | undefined)[], total: number, min: number): number[][] {
  const out: number[][] = [];
  const walk = (i: number, left: number, acc: number[]) => {
    if (i === fixed.length) {
      if (left === 0 || fixed.every((f) => f !== undefined)) out.push(acc);
      return;
    }
    const choices = fixed[i] !== undefined ? [fixed[i]!] : Array.from({ length: Math.max(0, left - min + 1) }, (_, k) => left - k);
    for (const span of choices) {
      if (span >= 1 && span <= left) walk(i + 1, left - span, [...acc, span]);
    }
  };
  walk(0, total, []);
  return out;
}

/** Places `blocks` (in reading order; the first is the page's lead) on a grid of `columns`. */
export function placeBlocks(blocks: BlockInput[], columns: number): PlacedBlock[] {
  if (blocks.length === 0) return [];
  const min = columns >= 6 ? 2 : 1;
  const perRow = Math.max(1, Math.ceil(columns / 3));
  const fixedSpan = (b: BlockInput) =>
    b.placement?.columns === undefined ? undefined : Math.min(columns, Math.max(1, b.placement.columns));

  // Rows by number: explicit rows first, then the lead in row 1, then the rest in even groups.
  const rows = new Map<number, BlockInput[]>();
  const add = (row: number, block: BlockInput) => rows.set(row, [...(rows.get(row) ?? []), block]);
  const auto: BlockInput[] = [];
  // A lead too short to fill the page's width shares the top row with the next articles.
  const lead = blocks[0]!;
  const leadAlone = fixedSpan(lead) !== undefined || fillsWidth(lead, columns);
  blocks.forEach((block, i) => {
    if (block.placement?.row !== undefined) add(block.placement.row, block);
    else if (i === 0 && leadAlone) add(1, block);
    else auto.push(block);
  });
  const groups = Math.ceil(auto.length / perRow);
  let next = auto[0] === lead ? 1 : 2;
  for (let g = 0; g < groups; g++) {
    const start = Math.round((g * auto.length) / groups);
    const end = Math.round(((g + 1) * auto.length) / groups);
    for (const block of auto.slice(start, end)) add(next, block);
    next++;
  }

  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  const placed: PlacedBlock[] = [];
  let carry: BlockInput[] = [];
  let rowIndex = 0;
  for (let r = 0; r < rowNumbers.length || carry.length > 0; r++) {
    let row = [...carry, ...(r < rowNumbers.length ? rows.get(rowNumbers[r]!)! : [])];
    row.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    carry = [];
    // A row that cannot give every block its minimum sends its last blocks to the next row.
    const need = (list: BlockInput[]) => list.reduce((n, b) => n + (fixedSpan(b) ?? min), 0);
    while (row.length > 1 && need(row) > columns) carry.unshift(row.pop()!);
    if (row.length === 0) continue;
    rowIndex++;
    const leadIndex = row.findIndex((b) => order.get(b.id) === 0);
    let best: { sizes: Sized[]; score: number } | undefined;
    for (const spans of divisions(row.map(fixedSpan), columns, min)) {
      if (leadIndex >= 0 && spans.some((s, i) => i !== leadIndex && s > spans[leadIndex]!) && fixedSpan(row[leadIndex]!) === undefined) continue;
      const sizes = row.map((b, i) => size(b, spans[i]!, order.get(b.id) === 0, columns));
      const heights = sizes.map((s) => s.height);
      // Shortest tallest block first; then the most level row.
      const score = Math.max(...heights) * 1000 + (Math.max(...heights) - Math.min(...heights));
      if (!best || score < best.score) best = { sizes, score };
    }
    // Fixed spans that contradict the lead rule still get placed as asked.
    best ??= { sizes: row.map((b) => size(b, fixedSpan(b) ?? min, order.get(b.id) === 0, columns)), score: 0 };
    let column = 1;
    row.forEach((block, i) => {
      const s = best.sizes[i]!;
      placed.push({ id: block.id, row: rowIndex, column, span: s.span, side: s.side, bodyColumns: s.bodyColumns, headline: s.headline, lead: order.get(block.id) === 0, height: s.height });
      column += s.span;
    });
  }
  return placed;
}
