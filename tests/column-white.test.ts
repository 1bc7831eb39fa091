/**
 * Which part takes a line of white when a block's columns are levelled (column-white.ts), case
 * by case. Each expected result is worked out by hand from the rules the module documents, not
 * read back from it: in balanced columns the last one takes what is left, so a line of white
 * inside an earlier column pushes a line on towards it; the white goes to the later columns
 * first, so the byline's column stays tight; in a column, above a section head first, else
 * above the paragraph starting nearest the column's middle; never at a column's top, never in
 * the last column, at most one line a part; a trial is kept only when no column but the last
 * falls further out of level; and white that leaves the columns no closer is not kept. The
 * property over generated flows is in line-breaks.test.ts; these pin the choices it leaves open.
 *
 * Lengths are in lines of 1.6 em; "level" is within one line. A flow is written as its parts:
 * a number is a paragraph of that many lines, `head` a section head, `figure(n)` a figure n
 * lines tall. Parts are numbered from 0.
 */
import { describe, expect, it } from 'vitest';
import { balance, type FlowPart } from '../src/print-layout/column-fill.ts';
import { levelColumns } from '../src/print-layout/column-white.ts';

const LH = 1.6;
const head: FlowPart = { kind: 'box', height: 1.15 * 1.4, marginTop: 0.46, marginBottom: 0.345, keepWithNext: true };
const figure = (lines: number): FlowPart => ({ kind: 'box', height: lines * LH, marginBottom: 0.5 });
const flowOf = (...parts: (number | FlowPart)[]): FlowPart[] => parts.map((p) => (typeof p === 'number' ? { kind: 'lines', lines: p, lineHeight: LH } : p));
/** As the estimate opens them: a part after a paragraph, never the first nor one after a head or a figure. */
const openOf = (flow: FlowPart[]) => flow.flatMap((_, i) => (i > 0 && flow[i - 1]!.kind === 'lines' ? [i] : []));
const inLines = (bottoms: number[]) => bottoms.map((b) => Math.round((b / LH) * 100) / 100);
/** The parts given a line of white. */
const whiteAt = (white: number[]) => white.flatMap((w, i) => (w > 0 ? [i] : []));
const level = (flow: FlowPart[], columns: number, open = openOf(flow)) => levelColumns(flow, columns, LH, open, LH);

describe('where the white goes in a column', () => {
  it('above the paragraph starting nearest the column’s middle, in the later column first', () => {
    // 28 lines in 3 columns of 10: 10, 10, 8, one line of white short. Part 1 starts at line 5
    // of column 0; column 1 holds the last line of part 1, then part 2 from line 1 and part 3
    // from line 6. Column 1 can take the line, so column 0 (the byline's) is left tight; in
    // column 1, line 6 is nearer the middle (5) than line 1. Part 3 moves on a line: 10, 10, 9.
    const flow = flowOf(5, 6, 5, 12);
    expect(inLines(balance(flow, 3).bottoms)).toEqual([10, 10, 8]);
    const result = level(flow, 3);
    expect(whiteAt(result.white)).toEqual([3]);
    expect(inLines(result.fill.bottoms)).toEqual([10, 10, 9]);
    expect(result.level).toBe(true);
  });

  it('above a section head before a paragraph nearer the middle', () => {
    // 8 lines, a head, 2, 11 and 3 in 4 columns of 7: 7, 6.51, 7, 5. Column 1 holds the head at
    // line 1.29 and part 3 at line 4.51, nearer its middle (3.5); the head takes the line.
    const flow = flowOf(8, head, 2, 11, 3);
    expect(inLines(balance(flow, 4).bottoms)).toEqual([7, 6.51, 7, 5]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([1]);
    expect(inLines(result.fill.bottoms)).toEqual([7, 6.51, 7, 6]);
  });

  it('a figure is no section head: the paragraph nearest the middle takes it', () => {
    // 9 lines, a figure of 3 lines, 1, 10 and 6 in 4 columns of 8: 8, 7.31, 8, 6. Column 1 holds
    // the figure at line 1 and part 3 at line 5.31, nearer its middle (4).
    const flow = flowOf(9, figure(3), 1, 10, 6);
    expect(inLines(balance(flow, 4).bottoms)).toEqual([8, 7.31, 8, 6]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([3]);
    expect(result.level).toBe(true);
  });

  it('a second line in a column goes above another part: a part takes one line at most', () => {
    // 13 lines in 4 columns of 4: 4, 4, 4, 1, two lines of white short. Only column 1 has open
    // parts (part 1 at line 1, part 2 at line 2), so each takes a line: 4, 3, 4, 3. The second
    // line moves part 2 to the top of column 2, so that line shows at the foot of column 1.
    const flow = flowOf(5, 1, 7);
    expect(inLines(balance(flow, 4).bottoms)).toEqual([4, 4, 4, 1]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([1, 2]);
    expect(inLines(result.fill.bottoms)).toEqual([4, 3, 4, 3]);
    expect(result.level).toBe(true);
  });

  it('never above a part that opens a column, nor in the last column: the plain balance, not level', () => {
    // 10, 11 and 7 lines in 3 columns of 10: 10, 10, 8. Part 1 opens column 1 (a margin there is
    // dropped, CSS Fragmentation §5.2) and part 2 starts in the last column.
    const flow = flowOf(10, 11, 7);
    const result = level(flow, 3);
    expect(result.white).toEqual([0, 0, 0]);
    expect(inLines(result.fill.bottoms)).toEqual([10, 10, 8]);
    expect(result.level).toBe(false);
  });

  it('three passes at most: white that cannot level the columns is not spread further', () => {
    // 6 lines, a figure of 6, then 14, 2, 1, 2 and 9 in 4 columns of 12: 12, 12, 12, 4, seven
    // lines short. Column 0 cannot take white above the figure (it would move on whole and leave
    // the column half empty), part 2 opens column 1, so only column 2's parts (3 to 6, from lines
    // 2, 4, 5 and 7) can take any, one line a pass, each nearest the middle (6) as the white
    // before it moves it down: part 5 (line 5), then 4 (line 4, level with 6 at line 8 and
    // first), then 6 (line 9, nearer than 3 at line 2). Three lines, not level: the estimate
    // tries fewer columns.
    const flow = flowOf(6, figure(6), 14, 2, 1, 2, 9);
    expect(inLines(balance(flow, 4).bottoms)).toEqual([12, 12, 12, 4]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([4, 5, 6]);
    expect(inLines(result.fill.bottoms)).toEqual([12, 12, 12, 7]);
    expect(result.level).toBe(false);
  });
});

describe('the byline’s column kept tight', () => {
  it('a part opening a later column does not count among those that could take the line', () => {
    // 10 lines in 4 columns of 3: 3, 3, 3, 1. Part 1 is in column 0, part 2 in column 1, part 3
    // opens column 2 and can take none: column 1 takes the line (3, 3, 3, 2), not column 0.
    const flow = flowOf(1, 3, 2, 4);
    expect(inLines(balance(flow, 4).bottoms)).toEqual([3, 3, 3, 1]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([2]);
    expect(inLines(result.fill.bottoms)).toEqual([3, 3, 3, 2]);
  });

  it('nor does a part in the last column, which takes no white', () => {
    // 2, 7, 6 lines and a figure of 4 in 3 columns of 7: 7, 7, 5. The figure starts in the last
    // column; column 1 takes the line above part 2, and the figure moves down: 7, 7, 6.
    const flow = flowOf(2, 7, 6, figure(4));
    expect(inLines(balance(flow, 3).bottoms)).toEqual([7, 7, 5]);
    const result = level(flow, 3);
    expect(whiteAt(result.white)).toEqual([2]);
    expect(inLines(result.fill.bottoms)).toEqual([7, 7, 6]);
  });

  it('the next pass opens the byline’s column when the later ones were not enough', () => {
    // A byline line, 11, 9, 2 and a figure of 6 in 4 columns of 8: 8, 8, 7, 6. On the first pass
    // only column 2 may take a line (the others have later columns that could); above part 3 it
    // fills column 2's short line but moves nothing on, as the figure cannot split. The next
    // pass gives column 0 a line above part 1, which pushes a line on down to the last column:
    // 8, 8, 8, 7.
    const flow = flowOf(1, 11, 9, 2, figure(6));
    expect(inLines(balance(flow, 4).bottoms)).toEqual([8, 8, 7, 6]);
    const result = level(flow, 4);
    expect(whiteAt(result.white)).toEqual([1, 3]);
    expect(inLines(result.fill.bottoms)).toEqual([8, 8, 8, 7]);
    expect(result.level).toBe(true);
  });
});

describe('what is kept', () => {
  it('not a line of white that hollows a middle column', () => {
    // 2 and 2 lines and a figure of 4 in 3 columns of 4: 4, 4, 0. White above part 1 would send
    // its last line and then the figure on: 4, 1, 4, a middle column three lines short where
    // it was level. The plain balance stands, and the estimate tries fewer columns.
    const flow = flowOf(2, 2, figure(4));
    const result = level(flow, 3);
    expect(result.white).toEqual([0, 0, 0]);
    expect(inLines(result.fill.bottoms)).toEqual([4, 4, 0]);
    expect(result.level).toBe(false);
  });

  it('a line of white that lowers a middle column no further than a line below the tallest', () => {
    // 3 and 1 lines in 3 columns of 2: 2, 2, 0. White above part 1 moves it to column 2: 2, 1, 1,
    // level, with column 1 a line short.
    const flow = flowOf(3, 1);
    expect(inLines(balance(flow, 3).bottoms)).toEqual([2, 2, 0]);
    const result = level(flow, 3);
    expect(whiteAt(result.white)).toEqual([1]);
    expect(inLines(result.fill.bottoms)).toEqual([2, 1, 1]);
    expect(result.level).toBe(true);
  });

  it('no white that leaves the columns no closer, and none claimed', () => {
    // 1 and 4 lines in 4 columns of 2: 2, 2, 1, 0. White above part 1 moves it to column 1:
    // 1, 2, 2, 0, still two lines apart. The plain balance, with no white claimed.
    const flow = flowOf(1, 4);
    const result = level(flow, 4);
    expect(result.white).toEqual([0, 0]);
    expect(inLines(result.fill.bottoms)).toEqual([2, 2, 1, 0]);
    expect(result.level).toBe(false);
  });
});
