/**
 * Body columns that end level (issue 12: "the body's columns end level, within one line"), by
 * spreading a short last column's shortfall as white inside the text, the way a make-up editor
 * opens up a column (撑版) instead of leaving the block's last column short or empty.
 *
 * Balanced columns are filled in turn (column-fill.ts), so when the line count does not suit
 * the column count all the shortfall falls in the last column: 31 lines in 6 columns end
 * 6, 6, 6, 6, 6 and 1. One line of white added inside an earlier column pushes one line on
 * into the next, and so on down the columns, so the last column gains a line for each line of
 * white. The white goes where a reader expects space: above a section head first, else
 * between two paragraphs near the middle of a column, one line in each column at most while
 * another column has none, never at a column's top (a margin there is dropped, CSS
 * Fragmentation §5.2) nor between a section head and its text.
 */
import { balance, fillAt, type ColumnFill, type FlowPart, type PartStart } from './column-fill.ts';

/**
 * How level a block's body columns end, in lines of body text: the one rule the make-up
 * (estimate.ts) sets columns by and the pre-press check (`unlevel-columns`) measures them
 * against. The make-up aims for `level` (issue 12: "within one line"); where no column count
 * and no white gets there without leaving a column of the block empty, it accepts columns at
 * most `most` lines apart, since a column a line short is a lesser fault than an empty one.
 * Further apart than `most` is a fault the check reports.
 */
export const COLUMN_LEVEL = { level: 1, most: 2 } as const;

export interface LevelFill {
  fill: ColumnFill;
  /** White added above each part of the flow, in em (0 for most). */
  white: number[];
  /** The columns end within the level asked for. */
  level: boolean;
}

const spread = (bottoms: number[]) => Math.max(...bottoms) - Math.min(...bottoms);

/** The flow with the white added: above a part, on top of the margin its own and the one before it collapse to. */
const withWhite = (flow: FlowPart[], white: number[]): FlowPart[] =>
  flow.map((part, i) => (white[i]! > 0 ? { ...part, marginTop: collapsedAbove(flow, i) + white[i]! } : part));

/** The space above part `i` when it does not open a column: its margin and the one under the part before, collapsed (CSS 2 §8.3.1). */
export const collapsedAbove = (flow: FlowPart[], i: number): number => Math.max(flow[i - 1]?.marginBottom ?? 0, flow[i]!.marginTop ?? 0);

/**
 * The flow in `columns` balanced columns, with white of `unit` em (one line) added above some
 * of the `open` parts (indices into the flow) when the plain balance leaves the last column
 * more than `level` em short: the closest to level it gets (`level: true` when the columns end
 * within `level` em of each other, the plain balance when white does not bring them closer).
 */
export function levelColumns(flow: FlowPart[], columns: number, level: number, open: readonly number[], unit: number): LevelFill {
  const none = new Array<number>(flow.length).fill(0);
  const plain = balance(flow, columns);
  if (spread(plain.bottoms) <= level + 1e-6) return { fill: plain, white: none, level: true };
  const white = none.slice();
  // The columns keep the plain balance's height; every line of white moves a line on.
  // Columns are taken in order, so white placed earlier never moves a later one. On the first
  // pass a column takes a line only when the columns after it could not take all that is still
  // short, so the white goes to the later columns and the byline's column stays tight; the
  // next two passes take a line wherever one still fits: three passes at most, so white that
  // cannot level the columns is not spread through the text for nothing. (On the first pass a
  // part with white is in a column already taken or opens one, so `later` need not ask.)
  const height = plain.at;
  let starts: PartStart[] = [];
  let bottoms = fillAt(flow, columns, height, starts)!;
  const short = () => Math.max(0, Math.ceil((Math.max(...bottoms) - bottoms[columns - 1]! - level) / unit - 1e-6));
  for (let pass = 0; pass < 3; pass++) {
    for (let column = 0; column < columns - 1 && short() > 0; column++) {
      const later = new Set(open.filter((i) => starts[i] && !starts[i]!.atTop && starts[i]!.column > column && starts[i]!.column < columns - 1).map((i) => starts[i]!.column));
      if (pass === 0 && short() <= later.size) continue;
      for (const choice of ranked(flow, open, starts, white, column, height)) {
        white[choice] = unit;
        const next: PartStart[] = [];
        const trial = fillAt(withWhite(flow, white), columns, height, next);
        // Kept only if the flow still fits and no column but the last falls further out of
        // level (a section head kept with its text can move on with more than a line).
        const floor = (b: number[]) => Math.min(...b.slice(0, -1));
        if (trial && floor(trial) >= Math.min(floor(bottoms), Math.max(...trial) - level) - 1e-6) {
          [starts, bottoms] = [next, trial];
          break;
        }
        white[choice] = 0;
      }
    }
  }
  // Chromium balances the flow with its white again: what it gives is what counts. A part
  // given white may open a column there, its margin dropped (CSS Fragmentation §5.2); the
  // margin still moved it on, so its line of white shows at the foot of the column before.
  const fill = balance(withWhite(flow, white), columns);
  if (spread(fill.bottoms) > spread(plain.bottoms) - 1e-6) return { fill: plain, white: none, level: false };
  return { fill, white, level: spread(fill.bottoms) <= level + 1e-6 };
}

/** The open parts in `column` that may take a line of white, best first: a section head (a box kept with its text, not a figure), then the part nearest the column's middle. */
function ranked(flow: FlowPart[], open: readonly number[], starts: PartStart[], white: number[], column: number, height: number): number[] {
  const scored: { index: number; score: number }[] = [];
  for (const index of open) {
    const start = starts[index];
    // Not opening the column (a margin there is dropped), once per part.
    if (!start || start.column !== column || start.atTop || white[index]! > 0) continue;
    const part = flow[index]!;
    const head = part.kind === 'box' && part.keepWithNext ? 1e3 : 0;
    scored.push({ index, score: Math.abs(start.y - height / 2) - head });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.index);
}
