/**
 * How a page is judged against its sheet (sheet-fill.ts), worked by hand: when it is stretched
 * to fill the sheet, and the order in which the make-up tries the search's candidates.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../src/print-layout/partition.ts';
import { FILL_PER_BLOCK, fillsSheet, tryOrder } from '../src/print-layout/sheet-fill.ts';
import { SHEET_TO_FILL } from '../src/print-layout/sheet.ts';

/** Every order of a list. */
const permutations = <T>(list: T[]): T[][] => (list.length <= 1 ? [list] : list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest])));

describe('a page stretched to its sheet', () => {
  it('when short of it by at most 0.96 em a stacked block', () => {
    // 0.6 lines of 1.6 em a block: 0.96 em; two blocks share a stretch of up to 1.92 em.
    expect(FILL_PER_BLOCK).toBeCloseTo(0.96, 9);
    expect(fillsSheet(99, 2, 100)).toBe(true);
    expect(fillsSheet(100 - 1.91, 2, 100)).toBe(true);
    expect(fillsSheet(100 - 1.93, 2, 100)).toBe(false);
    expect(fillsSheet(100 - 1.93, 3, 100)).toBe(true);
    expect(fillsSheet(1.91, 2, 3.82)).toBe(true);
    // Not when it already fills the sheet or runs over it.
    expect(fillsSheet(100, 2, 100)).toBe(false);
    expect(fillsSheet(101, 2, 100)).toBe(false);
  });
});

/** A candidate as the make-up sees it: its height and cost (the rest does not order it). */
const candidate = (name: string, height: number, cost: number) => ({ name, height, cost }) as unknown as Candidate & { name: string };
const names = (list: Candidate[]) => list.map((c) => (c as Candidate & { name: string }).name);

describe('the order the make-up tries candidates in', () => {
  it('a page of bands: by cost alone, whatever the sheet', () => {
    expect(names(tryOrder([candidate('a', 300, 5), candidate('b', 10, 3)], undefined, 91.3))).toEqual(['b', 'a']);
  });

  it('content over the sheet costs its overset area', () => {
    // Sheet 100 em, page 10 em wide. a: cost 10, 10 em over: 10 + 100 = 110. b: cost 50, fits
    // exactly: 50. By cost a would come first.
    expect(names(tryOrder([candidate('a', 110, 10), candidate('b', 100, 50)], 100, 10))).toEqual(['b', 'a']);
  });

  it('a page nearly filling its sheet is judged on the whole sheet', () => {
    // a: cost 10, 95 em tall, the first by cost; 95 ≥ 2/3 of 100, so the foot counts: a leaves
    // 5 em × 10 em = 50, 60 in all; b: cost 30, fills the sheet, 30. b first.
    expect(names(tryOrder([candidate('a', 95, 10), candidate('b', 100, 30)], 100, 10))).toEqual(['b', 'a']);
    // At exactly two thirds of the sheet, it is judged so too: a, 66.67 em tall, leaves 333.3.
    expect(names(tryOrder([candidate('a', SHEET_TO_FILL * 100, 10), candidate('b', 100, 30)], 100, 10))).toEqual(['b', 'a']);
  });

  it('whatever order the search gave them in', () => {
    // Sheet 100, width 10. Nearly filled: a runs 10 over (10 + 100, no foot), b fills it (40),
    // c is 5 short (20 + 50): b, c, a. Short of copy (d, 50 em, first by cost and under 2/3):
    // by cost and overset alone, d (10), then e, 50 over at cost 5 (505).
    for (const list of permutations([candidate('a', 110, 10), candidate('b', 100, 40), candidate('c', 95, 20)])) expect(names(tryOrder(list, 100, 10))).toEqual(['b', 'c', 'a']);
    for (const list of permutations([candidate('d', 50, 10), candidate('e', 150, 5)])) expect(names(tryOrder(list, 100, 10))).toEqual(['d', 'e']);
    // Nearly filled, with an overset among them: f fills the sheet (10), g is 20 short (1 + 200),
    // h 4 over (5 + 40): f, h, g, though by cost g would come first.
    for (const list of permutations([candidate('f', 100, 10), candidate('g', 80, 1), candidate('h', 104, 5)])) expect(names(tryOrder(list, 100, 10))).toEqual(['f', 'h', 'g']);
  });

  it('a page well short of copy is set as short as its content', () => {
    // a: cost 10, half the sheet: under 2/3, so its foot is not counted and a stays first.
    expect(names(tryOrder([candidate('a', 50, 10), candidate('b', 100, 30)], 100, 10))).toEqual(['a', 'b']);
    expect(tryOrder([], 100, 10)).toEqual([]);
  });

  it('leaves the search’s list as it was', () => {
    const list = [candidate('a', 95, 10), candidate('b', 100, 30)];
    tryOrder(list, 100, 10);
    expect(names(list)).toEqual(['a', 'b']);
  });
});
