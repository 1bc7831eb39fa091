/**
 * How the estimate lays out a block's body (estimate.ts `layoutBody`), on bodies small enough to
 * work out by hand from the rules it documents: the most columns that end level, unless more
 * columns a line or two apart leave less blank than the empty columns would; at least three
 * lines a column; the blank counted as short column ends and white, in em²; and a body given
 * only as lengths set as plain text with its section heads spread evenly. Lengths: a basic
 * column is 10.1 em (10 characters and the slack), a line 1.6 em, a column and its gutter 11.5 em.
 */
import { describe, expect, it } from 'vitest';
import { layoutBody, type BlockContent, type BodyPart } from '../src/print-layout/estimate.ts';

const LINE = 1.6;
const COLUMN = 10.1;
const head: BodyPart = { head: ['小标题'] };
/** A block of body only, given as set: paragraphs of so many lines, heads as `head`. */
const body = (parts: (number | BodyPart)[], bylineLines = 0): BlockContent => {
  const set = parts.map((p) => (typeof p === 'number' ? { lines: p } : p));
  return { headline: ['标题'], bylineLines, paragraphs: set.flatMap((p) => ('lines' in p ? [p.lines * 10] : [])), sectionHeads: set.filter((p) => 'head' in p).length, captions: [], set: { body: set, captions: [] } };
};

describe('the body’s columns', () => {
  it('takes the most columns that end level, with the white that levels them', () => {
    // 5, 6, 5 and 12 lines in 3 columns: 10, 10, 8, then one line of white above the last
    // paragraph (column-white.test.ts works it out): 10, 10, 9. Level, so 3 columns, 16 em tall.
    // Blank: column 2's line short and the line of white, each a line of a column: 2 × 1.6 × 10.1.
    const result = layoutBody(body([5, 6, 5, 12]), 3, 0);
    expect(result).toMatchObject({ columns: 3, white: [0, 0, 0, LINE] });
    expect(result.height).toBeCloseTo(10 * LINE, 6);
    expect(result.shortfall).toBeCloseTo(2 * LINE * COLUMN, 6);
  });

  it('prefers columns two lines apart to an empty column, when they leave less blank', () => {
    // 7 lines in 4 columns would be 2 a column, under the three-line minimum. In 3: 3, 3, 1, two
    // lines apart (near level); in 2: 4 and 3, level. Blank over the 4 columns: 3 columns leave
    // 2 lines short (2 × 1.6 × 10.1 = 32.3) and one column empty 3 lines tall (11.5 × 4.8 = 55.2),
    // 87.5 em²; 2 columns leave 1 line short (16.2) and two empty 4 lines tall (147.2), 163.4 em².
    const result = layoutBody(body([7]), 4, 0);
    expect(result.columns).toBe(3);
    expect(result.height).toBeCloseTo(3 * LINE, 6);
    // The shortfall inside the block's own columns: the two short lines of the last column.
    expect(result.shortfall).toBeCloseTo(2 * LINE * COLUMN, 6);
  });

  it('never sets fewer than three lines a column: a short body leaves the other columns empty', () => {
    // 5 lines in 3 columns would be 2, 2, 1; in 2, 3 and 2 (level, three lines tall).
    expect(layoutBody(body([5]), 3, 0)).toMatchObject({ columns: 2 });
    // 2 lines: one column, whatever the block's width.
    expect(layoutBody(body([2]), 4, 0)).toMatchObject({ columns: 1 });
  });

  it('gives the white per body part, the byline not counted', () => {
    // A byline, then 4 paragraphs of 14 lines in 4 columns: one line of white levels them
    // (line-breaks.test.ts), above a paragraph; the list has one entry a paragraph.
    const result = layoutBody(body([14, 14, 14, 14], 1), 4, 0);
    expect(result.white).toHaveLength(4);
    expect(result.white.filter((w) => w > 0)).toEqual([LINE]);
  });
});

describe('a body given only as lengths', () => {
  it('is set as plain text, its section heads spread evenly between the paragraphs, and its captions as plain text', () => {
    // 40 characters after a 2-character indent at 10 a line: 8 + 10 + 10 + 10 + 2, 5 lines.
    const plain = (paragraphs: number[], sectionHeads: number, captions: number[] = []): BlockContent => ({ headline: ['标题'], bylineLines: 1, paragraphs, sectionHeads, captions });
    const set = (parts: (number | BodyPart)[], captions: string[][] = []): BlockContent => ({
      ...plain([], 0),
      set: { body: parts.map((p) => (typeof p === 'number' ? { lines: p } : p)), captions },
    });
    // One head among 4 paragraphs: after every 2 (4 / 2); three heads among 4: after each of the first 3.
    expect(layoutBody(plain([40, 40, 40, 40], 1), 3, 0)).toEqual(layoutBody(set([5, 5, head, 5, 5]), 3, 0));
    expect(layoutBody(plain([40, 40, 40, 40], 3), 3, 0)).toEqual(layoutBody(set([5, head, 5, head, 5, head, 5]), 3, 0));
    // More heads than paragraphs: one after each, the rest at the end.
    expect(layoutBody(plain([40], 2), 2, 0)).toEqual(layoutBody(set([5, head, head]), 2, 0));
    // A caption of 30 characters, as 30 one-character phrases.
    expect(layoutBody(plain([40, 40], 0, [30]), 3, 0)).toEqual(layoutBody(set([5, 5], [Array.from('字'.repeat(30))]), 3, 0));
  });
});
