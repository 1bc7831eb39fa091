/**
 * How the estimate lays out a block's body (estimate.ts `layoutBody`), on bodies small enough to
 * work out by hand from the rules it documents: the most columns that end level, unless more
 * columns a line or two apart leave less blank than the empty columns would; at least three
 * lines a column; the blank counted as short column ends and white, in em²; and a body given
 * only as lengths set as plain text with its section heads spread evenly. Lengths: a basic
 * column is 10.1 em (10 characters and the slack), a line 1.6 em, a column and its gutter 11.5 em.
 */
import { describe, expect, it } from 'vitest';
import { bestSide, layoutBody, type BlockContent, type BodyPart } from '../src/print-layout/estimate.ts';

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

describe('the side column that makes a block shortest (bestSide)', () => {
  // Contents from a plain story to a photo story: a lead text of 0–200 characters, 0–3 figures
  // with captions of 0–400 characters, bodies from one short paragraph to three long ones.
  const contents: BlockContent[] = [];
  for (const lead of [0, 100, 200])
    for (const figures of [0, 1, 3])
      for (const caption of [0, 100, 400])
        for (const paragraphs of [[30], [120], [120, 120, 120]])
          contents.push({ headline: ['标题'], lead: lead ? '导'.repeat(lead) : undefined, bylineLines: 1, paragraphs, sectionHeads: 0, captions: Array(figures).fill(caption) });
  const spans = [4, 5, 6, 8];

  it('is the shortest of no side column and every one that leaves the body two columns, the narrower on a tie', () => {
    const reached = { side: 0, wider: 0, widest: 0 };
    for (const content of contents)
      for (const span of spans) {
        const best = bestSide(content, span);
        const offered = content.lead || content.captions.length > 0 ? [0, ...Array.from({ length: span - 3 }, (_, k) => k + 2)] : [0];
        expect(offered).toContain(best.side);
        expect(best.height).toBe(layoutBody(content, span, best.side).height);
        for (const side of offered) {
          const height = layoutBody(content, span, side).height;
          // None is shorter by more than the 0.01 em a tie allows, and each narrower one is taller.
          expect(height).toBeGreaterThanOrEqual(best.height - 0.01);
          if (side < best.side) expect(height).toBeGreaterThan(best.height);
        }
        if (best.side > 0) reached.side++;
        if (best.side > 2) reached.wider++;
        if (best.side === span - 2 && span > 4) reached.widest++;
      }
    // The contents reach what the assertions are about: side columns chosen, wider than two
    // columns, and as wide as the body allows (measured: 129, 24 and 6 of 324).
    expect(reached.side).toBeGreaterThanOrEqual(100);
    expect(reached.wider).toBeGreaterThanOrEqual(20);
    expect(reached.widest).toBeGreaterThanOrEqual(5);
  });

  it('takes no side column, or the narrowest, when several make the block as short', () => {
    // A lead text of 10 characters and a body of 28 (with the indent, 30: three lines), no
    // byline. Beside a side column of 2 to 4 columns the boxed lead is one line and its padding,
    // 1.6 + 1.64 = 3.24 em, and the body's three lines stand in one column (two columns of
    // three lines at least cannot be filled): 4.8 em. In the flow the three-line paragraph
    // cannot be split without leaving a line alone: the lead in one column, the paragraph in
    // the next, 4.8 em again. Every shape is as short: the block keeps its flow.
    const story: BlockContent = { headline: ['标题'], lead: '导'.repeat(10), bylineLines: 0, paragraphs: [28], sectionHeads: 0, captions: [] };
    for (const side of [0, 2, 3, 4]) expect(layoutBody(story, 6, side).height).toBeCloseTo(3 * LINE, 6);
    expect(layoutBody(story, 6, 2).sideHeight).toBeCloseTo(LINE + 1.64, 6);
    expect(bestSide(story, 6).side).toBe(0);
  });

  it('keeps a block with neither lead text nor figure in its flow, even where fewer body columns would be as short', () => {
    // Four lines cannot fill two columns of three: one column, whatever the span left to it.
    const plain: BlockContent = { headline: ['标题'], bylineLines: 0, paragraphs: [38], sectionHeads: 0, captions: [] };
    expect(layoutBody(plain, 6, 2).height).toBe(layoutBody(plain, 6, 0).height);
    expect(bestSide(plain, 6)).toEqual({ side: 0, height: layoutBody(plain, 6, 0).height });
  });
});
