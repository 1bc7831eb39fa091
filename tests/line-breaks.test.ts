import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { balance, fillAt, type FlowPart, type PartStart } from '../src/print-layout/column-fill.ts';
import { levelColumns } from '../src/print-layout/column-white.ts';
import { whiteMargins } from '../src/print-layout/estimate.ts';
import { SECTION_HEAD, SPACE } from '../src/print-layout/metrics.ts';
import { LATIN_WIDTHS } from '../src/print-layout/latin-widths.ts';
import { countLines, lineStarts } from '../src/print-layout/line-breaks.ts';
import { projectRoot } from './helpers/paths.ts';
import { floor, Reach, runs } from './helpers/property.ts';

/**
 * The line breaker and the column filler the placement estimates with, on cases whose answer
 * follows from the rules by hand; tests/browser-makeup.test.ts checks them against Chromium on
 * every paragraph of its pages.
 */
const COLUMN = 10.1;
const han = (n: number) => '国'.repeat(n);

describe('line breaks as Chromium sets the body text', () => {
  it('fills a basic column with ten characters a line, the first line indented two', () => {
    expect(lineStarts(han(28), COLUMN, { indent: 2 })).toEqual([0, 8, 18]);
    expect(countLines(han(29), COLUMN, { indent: 2 })).toBe(4);
    expect(countLines('', COLUMN)).toBe(0);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark (clreq §3.1.7)', () => {
    // The comma would start line 2: the character before it goes down with it.
    expect(lineStarts(`${han(10)}，${han(3)}`, COLUMN)).toEqual([0, 9]);
    // The opening quote would end line 1: it goes down.
    expect(lineStarts(`${han(9)}“${han(3)}”`, COLUMN)).toEqual([0, 9]);
  });

  it('keeps Latin words and numbers whole, with 1/8 em between them and Han characters', () => {
    // 6 + 1293 (2.14 em) + 个 + 2 × 1/8 em = 9.39 em: 网 does not fit.
    expect(lineStarts('备，科学划分1293个网格', COLUMN)).toEqual([0, 11]);
    expect(lineStarts(`${han(9)}12345`, COLUMN)).toEqual([0, 9]);
  });

  it('breaks beside a quotation mark only between East Asian characters (UAX #14 LB19a)', () => {
    // “ before a digit cannot be broken before, so 善 goes down with it.
    expect(lineStarts(`${han(7)}完善“2+1+N+X”网格`, COLUMN)).toEqual([0, 8]);
  });

  it('sets a mark half-width before a closing quote, and a closing quote half-width at a line end', () => {
    // 9 + 。” = 11 em, less 0.5 (。 before ”) and 0.5 (” at the line end) = 10: one line.
    expect(countLines(`${han(9)}。”`, COLUMN)).toBe(1);
    // 。 before an opening quote keeps its width: 3% (1.48 em) + 以内。“身体的残 = 9.48 em, so 疾 does not fit.
    expect(lineStarts('3%以内。“身体的残疾让我', COLUMN)).toEqual([0, 10]);
  });

  it('breaks display text only between phrases, and a phrase wider than the line inside it', () => {
    expect(lineStarts('全市社区网格化服务管理', 6, { phrases: ['全市', '社区', '网格化', '服务', '管理'] })).toEqual([0, 4, 9]);
    expect(countLines(han(14), 6, { phrases: [han(14)] })).toBe(3);
  });

  it('uses the advance widths of the page’s body font for Latin characters', () => {
    for (const [weight, table] of [['400', LATIN_WIDTHS.regular], ['700', LATIN_WIDTHS.bold]] as const) {
      const file = path.join(projectRoot, `node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-latin-${weight}-normal.woff2`);
      const font = create(readFileSync(file));
      if (font.isCollection) throw new Error(`${file} is a collection, not one font`);
      const widths = Array.from({ length: 0x7f - 0x20 }, (_, i) => Math.round((font.glyphForCodePoint(0x20 + i).advanceWidth / font.unitsPerEm) * 1000));
      expect(widths).toEqual([...table]);
    }
  });
});

describe('line breaks: each width and rule at its edge (worked out by hand from the rules)', () => {
  const regular = (c: string) => LATIN_WIDTHS.regular[c.codePointAt(0)! - 0x20]! / 1000;
  /** `text` is `w` em wide: one line at w + 0.01 em, more at w − 0.01 (each text has a break opportunity). */
  const expectWidth = (text: string, w: number, options: { bold?: boolean } = {}) => {
    expect(countLines(text, w + 0.01, options), `${text} fits in ${w + 0.01} em`).toBe(1);
    expect(countLines(text, w - 0.01, options), `${text} does not fit in ${w - 0.01} em`).toBeGreaterThan(1);
  };

  it('sets Han characters 1 em each, with nothing trimmed between them, and fits a line exactly as wide as the measure', () => {
    expectWidth(han(3), 3);
    expect(countLines(han(10), 10)).toBe(1);
  });

  it('trims half an em between a closing and an opening bracket, and between two opening ones (clreq §3.1.6)', () => {
    // 国） | （国: 2 + 2 − 0.5.
    expectWidth('国）（国', 3.5);
    // 国 | （（国: 1 + 3 − 0.5.
    expectWidth('国（（国', 3.5);
  });

  it('puts 1/8 em between a Han character and a Latin letter, on either side (clreq §3.2.4)', () => {
    expectWidth('国国a', 2 + 0.125 + regular('a'));
    expectWidth('a国国', regular('a') + 0.125 + 2);
    // No space where neither side is Han: ” and a (国”a | 国: the 1/8 em is between a and 国 only).
    expectWidth('国”a国', 2 + regular('a') + 0.125 + 1);
  });

  it('gives ASCII up to ~ its Latin width, and the middle dot that of a full stop', () => {
    expectWidth('国国~', 2 + regular('~'));
    // · never starts a line (国国· | 国).
    expectWidth('国国·国', 3 + regular('.'));
  });

  it('never breaks inside —— (a break before it is fine)', () => {
    expect(lineStarts('国国国——', 4.5)).toEqual([0, 3]);
  });

  it('breaks after a closing quotation mark only between East Asian characters (UAX #14 LB19a)', () => {
    // 国” | 国: both sides East Asian.
    expect(lineStarts('国国”国国', 3.2)).toEqual([0, 3]);
    // ” before a digit: no break, so 国”12 goes down whole.
    expect(lineStarts('国国”12', 3.5)).toEqual([0, 1]);
    // a before ”: no break after it either, though 国 follows.
    expect(lineStarts('国a”国', 3)).toEqual([0, 1]);
    // U+2E80, the first East Asian code point: a quotation between two of them may be broken before.
    expect(lineStarts('⺀“⺀', 2.99)).toEqual([0, 1]);
  });

  it('hangs a space that does not fit at the end of the line: no line starts with one, none is only a space', () => {
    // 国国 and its space | 国国: the second line is 2 em.
    expect(lineStarts('国国 国国', 2.1)).toEqual([0, 3]);
    // aaaa (2.23 em) | bbbb (2.55 em) in 2.3 em lines: two lines, not a third holding the space.
    expect(lineStarts('aaaa bbbb', 2.6)).toEqual([0, 5]);
    expect(lineStarts('aaaa bbbb', 2.3)).toEqual([0, 5]);
    // 国国 + 1/8 em + aaaa is 4.35 em and fits 4.4; the space after aaaa hangs instead of pushing it down.
    expect(lineStarts('国国aaaa bbbb', 4.4)).toEqual([0, 7]);
    expect(lineStarts(han(5), 2.8)).toEqual([0, 2, 4]);
    // Set by phrases, as section heads with a space are: the hanging space is no phrase to cut.
    expect(lineStarts('国国 国国', 2.1, { phrases: ['国国', ' ', '国国'] })).toEqual([0, 3]);
  });

  it('sets text in the regular face unless told it is bold', () => {
    // 记者 Wang Xiaoming: 10.07 em in Regular, 10.38 in Bold.
    expect(countLines('记者 Wang Xiaoming', 10.1)).toBe(1);
    expect(countLines('记者 Wang Xiaoming', 10.1, { bold: true })).toBe(2);
  });

  it('breaks a phrase wider than the line after as many whole characters as fit, and never gives more lines than characters', () => {
    expect(lineStarts(han(14), 6, { phrases: [han(14)] })).toEqual([0, 6, 12]);
    // 6.5 em hold 6 characters, not 6.5: 13 take three lines (the old count said two).
    expect(lineStarts(han(13), 6.5, { phrases: [han(13)] })).toEqual([0, 6, 12]);
    // After a phrase that fits: 国国 | 国国国国国 broken after 4 of them.
    expect(lineStarts(han(7), 4, { phrases: ['国国', han(5)] })).toEqual([0, 2, 6]);
    // A line narrower than a character holds one character (Chromium overflows it), no empty lines.
    expect(lineStarts(han(2), 0.5, { phrases: [han(2)] })).toEqual([0, 1]);
  });
});

describe('filling columns part by part (fillAt, balance), worked out by hand', () => {
  const lines = (n: number, lineHeight = 1, more: { marginTop?: number; marginBottom?: number } = {}) => ({ kind: 'lines' as const, lines: n, lineHeight, ...more });
  const box = (height: number, more: { marginTop?: number; marginBottom?: number; keepWithNext?: boolean } = {}) => ({ kind: 'box' as const, height, ...more });

  it('reports every column, an empty one as 0', () => {
    expect(fillAt([lines(1)], 3, 5)).toEqual([1, 0, 0]);
    expect(balance([], 3)).toEqual({ height: 0, bottoms: [0, 0, 0], at: 0 });
  });

  it('drops a margin at the top of a column and collapses adjoining margins to the larger (CSS 2 §8.3.1)', () => {
    const starts: PartStart[] = [];
    expect(fillAt([box(2, { marginTop: 1 })], 1, 5, starts)).toEqual([2]);
    expect(starts[0]).toEqual({ column: 0, atTop: true, y: 0 });
    expect(fillAt([lines(2, 1, { marginTop: 1 })], 1, 3)).toEqual([2]);
    // 2 lines, then max(0.5 below them, 0.3 above the box) = 0.5, then the box.
    expect(fillAt([lines(2, 1, { marginBottom: 0.5 }), box(1, { marginTop: 0.3 })], 1, 5, starts)).toEqual([3.5]);
    expect(starts[1]).toEqual({ column: 0, atTop: false, y: 2.5 });
    // The margin counts towards the room: 2 + 0.5 + 1 = 3.5 does not fit in 3.4.
    expect(fillAt([lines(2, 1, { marginBottom: 0.5 }), box(1, { marginTop: 0.3 })], 2, 3.4)).toEqual([2, 1]);
    expect(fillAt([lines(2, 1, { marginBottom: 0.5 }), lines(1, 1, { marginTop: 0.2 })], 1, 5, starts)).toEqual([3.5]);
    expect(starts[1]).toEqual({ column: 0, atTop: false, y: 2.5 });
  });

  it('moves a box that does not fit to the next column, where it starts at the top; one exactly as tall as the room stays', () => {
    const starts: PartStart[] = [];
    expect(fillAt([lines(3), box(2)], 2, 4, starts)).toEqual([3, 2]);
    expect(starts[1]).toEqual({ column: 1, atTop: true, y: 0 });
    expect(fillAt([lines(3), box(2)], 2, 5)).toEqual([5, 0]);
    expect(fillAt([box(4)], 1, 4)).toEqual([4]);
    expect(fillAt([box(5)], 2, 4)).toBeUndefined();
  });

  it('keeps a section head with the first line after it, measured in that line’s own height', () => {
    const starts: PartStart[] = [];
    // 2 + 1 + a line of 1.6 = 4.6 > 4.3: the head goes to the next column with its line.
    expect(fillAt([lines(2), box(1, { keepWithNext: true }), lines(2, 1.6)], 2, 4.3, starts)).toEqual([2, 1 + 2 * 1.6]);
    expect(starts[1]).toEqual({ column: 1, atTop: true, y: 0 });
    // A head and its line taller than a column fit nowhere.
    expect(fillAt([box(3, { keepWithNext: true }), lines(1, 1.6)], 2, 4)).toBeUndefined();
  });

  it('fills a column to the last whole line, exactly, and starts a paragraph that has no room left in the next column', () => {
    expect(fillAt([lines(2)], 2, 2)).toEqual([2, 0]);
    const starts: PartStart[] = [];
    // 3 lines leave 0.5 em: no room for a line of 1.6.
    expect(fillAt([lines(3), lines(2, 1.6)], 2, 3.5, starts)).toEqual([3, 3.2]);
    expect(starts[1]).toEqual({ column: 1, atTop: true, y: 0 });
    // A line taller than the column fits nowhere; lines beyond the last column neither.
    expect(fillAt([lines(1, 2)], 2, 1.5)).toBeUndefined();
    expect(fillAt([lines(5)], 2, 2)).toBeUndefined();
  });

  it('balances a flow with margins: a column as tall as all of it is the upper bound', () => {
    // 1 + the margin of 2 + 1 in one column.
    expect(balance([box(1, { marginBottom: 2 }), box(1)], 1).height).toBeCloseTo(4, 2);
    expect(balance([lines(1), box(1, { marginTop: 3 })], 1).height).toBeCloseTo(5, 2);
  });
});

describe('balanced columns as Chromium fills them', () => {
  const lines = (n: number) => ({ kind: 'lines' as const, lines: n, lineHeight: 1.6 });
  it('makes the columns as short as the flow allows, then fills them in turn: the last takes the rest', () => {
    const six = balance([lines(31)], 6);
    expect(six.height).toBeCloseTo(6 * 1.6, 2);
    expect(six.bottoms.map((b) => Math.round(b / 1.6))).toEqual([6, 6, 6, 6, 6, 1]);
    expect(balance([lines(30)], 6).bottoms.map((b) => Math.round(b / 1.6))).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('never breaks a figure, keeps a section head with the line after it, and drops margins at a column top', () => {
    const fill = balance([lines(3), { kind: 'box', height: 8, marginBottom: 0.5 }, { kind: 'box', height: 2, marginTop: 0.5, keepWithNext: true }, lines(4)], 2);
    // 4.8 + 8 = 12.8 in the first column; the head goes to the top of the second with its lines, no margin above it.
    expect(fill.bottoms[0]).toBeCloseTo(12.8, 2);
    expect(fill.bottoms[1]).toBeCloseTo(2 + 4 * 1.6, 2);
    expect(fill.height).toBeCloseTo(12.8, 2);
  });
});

describe('columns levelled by white inside the text (撑版)', () => {
  const lines = (n: number) => ({ kind: 'lines' as const, lines: n, lineHeight: 1.6 });
  const byline = { kind: 'lines' as const, lines: 1, lineHeight: 1.6, marginBottom: 0.5 };
  const inLines = (bottoms: number[]) => bottoms.map((b) => Math.round((b / 1.6) * 100) / 100);

  it('leaves the plain balance alone when its columns already end within a line', () => {
    const level = levelColumns([lines(30)], 6, 1.6, [], 1.6);
    expect(level.level).toBe(true);
    expect(level.white).toEqual([0]);
    expect(inLines(level.fill.bottoms)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('moves the last column’s shortfall up into the earlier columns as a line of white between paragraphs', () => {
    // A byline and 56 lines in 4 columns: balanced, the columns end 13 (under the byline), 15, 15, 13.
    const flow = [byline, lines(14), lines(14), lines(14), lines(14)];
    expect(inLines(balance(flow, 4).bottoms)).toEqual([14.31, 15, 15, 13]);
    const level = levelColumns(flow, 4, 1.6, [1, 2, 3, 4], 1.6);
    expect(level.level).toBe(true);
    const bottoms = inLines(level.fill.bottoms);
    expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(1);
    // One line of white, above a paragraph that is not in the last column.
    expect(level.white.filter((w) => w > 0)).toEqual([1.6]);
    expect(level.white[0]).toBe(0);
  });

  it('spreads a longer shortfall one line to a column, and gives up when the text has nowhere to take it', () => {
    // 31 lines in 6 columns end 6, 6, 6, 6, 6, 1: four lines short of level.
    const paragraphs = [3, 3, 3, 3, 3, 3, 3, 3, 3, 4].map(lines);
    expect(inLines(balance(paragraphs, 6).bottoms)).toEqual([6, 6, 6, 6, 6, 1]);
    const level = levelColumns(paragraphs, 6, 1.6, [1, 2, 3, 4, 5, 6, 7, 8, 9], 1.6);
    expect(level.level).toBe(true);
    expect(inLines(level.fill.bottoms)).toEqual([6, 6, 6, 6, 6, 5]);
    // Four lines of white, one line above each of four paragraphs, none in the first column.
    expect(level.white.filter((w) => w > 0)).toEqual([1.6, 1.6, 1.6, 1.6]);
    expect(level.white.slice(0, 2)).toEqual([0, 0]);
    // One paragraph: no place for white between paragraphs, so the plain balance, not level.
    const single = levelColumns([lines(31)], 6, 1.6, [], 1.6);
    expect(single.level).toBe(false);
    expect(inLines(single.fill.bottoms)).toEqual([6, 6, 6, 6, 6, 1]);
  });

  it('on any flow: never less level than the plain balance, white only where open, a line at a time, and the result is what Chromium balances', () => {
    const LH = 1.6;
    const part = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 14 }).map((n) => ({ kind: 'lines' as const, lines: n, lineHeight: LH })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'box' as const, height: 1.15 * 1.4, marginTop: 0.46, marginBottom: 0.345, keepWithNext: true }) },
      { weight: 1, arbitrary: fc.integer({ min: 3, max: 9 }).map((h) => ({ kind: 'box' as const, height: h, marginBottom: 0.5 })) },
    );
    const reach = new Reach('levelColumns');
    const spreadOf = (b: number[]) => Math.max(...b) - Math.min(...b);
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 12 }), fc.integer({ min: 2, max: 5 }), (parts, columns) => {
        reach.case();
        const flow: FlowPart[] = [byline, ...parts];
        // As the estimate opens them: a part after a paragraph or the byline, never after a head.
        const open = flow.flatMap((_, i) => (i > 0 && flow[i - 1]!.kind === 'lines' ? [i] : []));
        const plain = balance(flow, columns);
        const result = levelColumns(flow, columns, LH, open, LH);
        expect(spreadOf(result.fill.bottoms)).toBeLessThanOrEqual(spreadOf(plain.bottoms) + 1e-6);
        expect(result.level).toBe(spreadOf(result.fill.bottoms) <= LH + 1e-6);
        result.white.forEach((w, i) => {
          if (w > 0) expect(open).toContain(i);
          expect([0, LH]).toContain(w);
        });
        if (spreadOf(plain.bottoms) <= LH + 1e-6) {
          reach.hit('level already');
          expect(result.white.every((w) => w === 0)).toBe(true);
        }
        if (result.white.some((w) => w > 0)) {
          reach.hit('white');
          // The flow with its white, as page.css sets it: the white on top of the collapsed margin.
          const withWhite = flow.map((p, i) => (result.white[i]! > 0 ? { ...p, marginTop: Math.max(flow[i - 1]?.marginBottom ?? 0, p.marginTop ?? 0) + result.white[i]! } : p));
          const again = balance(withWhite, columns);
          expect(again.bottoms.map((b) => b.toFixed(6))).toEqual(result.fill.bottoms.map((b) => b.toFixed(6)));
          expect(spreadOf(result.fill.bottoms)).toBeLessThan(spreadOf(plain.bottoms) - 1e-6);
        } else if (spreadOf(plain.bottoms) > LH + 1e-6) {
          reach.hit('left as it was');
          expect(result.fill.bottoms).toEqual(plain.bottoms);
        }
      }),
      runs(300, 16),
    );
    console.log(reach.summary());
    expect(reach.share('white')).toBeGreaterThanOrEqual(floor(0.05));
    expect(reach.share('level already')).toBeGreaterThanOrEqual(floor(0.05));
  });

  it('gives up at once with one column or nowhere to put white, and counts columns exactly one line apart as level', () => {
    // 11 lines in 2 columns: 6 and 5, exactly one line apart.
    expect(levelColumns([lines(11)], 2, 1.6, [], 1.6)).toMatchObject({ level: true, white: [0] });
    expect(levelColumns([lines(3), lines(3)], 1, 1.6, [1], 1.6)).toMatchObject({ level: true, white: [0, 0] });
  });

  it('sets the white as the margin above the part, in the part’s own em, on top of the margin it collapses with', () => {
    const margins = whiteMargins([1.6, 0, 1.6, 1.6], [false, false, true, false]);
    expect(margins[0]).toBeCloseTo(SPACE.s + 1.6, 6);
    expect(margins[1]).toBeUndefined();
    expect(margins[2]).toBeCloseTo(SECTION_HEAD.before + 1.6 / SECTION_HEAD.size, 6);
    expect(margins[3]).toBeCloseTo(1.6, 6);
  });
});
