import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBlocks, type BlockInput, type PlacedBlock } from '../src/print-layout/place.ts';
import { blockInput } from '../src/print-layout/block-input.ts';
import * as metrics from '../src/print-layout/metrics.ts';
import { readArticle } from './helpers/content-files.ts';
import { projectRoot } from './helpers/paths.ts';
import { runs } from './helpers/property.ts';

const block = (id: string, bodyChars: number, extra: Partial<BlockInput> = {}): BlockInput => ({
  id,
  headline: ['一个十二个字的新闻标题示例'],
  bylineLines: 1,
  paragraphs: Array.from({ length: Math.ceil(bodyChars / 150) }, () => 150),
  sectionHeads: 0,
  captions: [],
  ...extra,
});

/** The invariants every placement keeps, whatever the input. */
function expectSound(placed: PlacedBlock[], input: BlockInput[], columns: number) {
  expect(placed.map((p) => p.id).sort()).toEqual(input.map((b) => b.id).sort());
  const rows = [...new Set(placed.map((p) => p.row))].sort((a, b) => a - b);
  expect(rows).toEqual(rows.map((_, i) => i + 1));
  for (const row of rows) {
    const inRow = placed.filter((p) => p.row === row).sort((a, b) => a.column - b.column);
    let next = 1;
    for (const p of inRow) {
      expect(p.column, `row ${row} overlaps at ${p.id}`).toBeGreaterThanOrEqual(next);
      expect(p.span).toBeGreaterThanOrEqual(1);
      next = p.column + p.span;
      expect(p.side).toBeGreaterThanOrEqual(0);
      expect(p.span - p.side).toBeGreaterThanOrEqual(p.side > 0 ? 2 : 1);
      expect(p.bodyColumns).toBeGreaterThanOrEqual(1);
      expect(p.side + p.bodyColumns).toBeLessThanOrEqual(p.span);
    }
    expect(next - 1).toBeLessThanOrEqual(columns);
  }
}

describe('print layout: automatic placement', () => {
  it('the sample page: the lead spans the whole broadsheet (通栏), the second article the row below', () => {
    const articles = ['A03-1', 'A03-2'].map((name) => {
      const { data, sections } = readArticle(`2023-07-02/${name}.md`);
      return blockInput(name, data, sections);
    });
    const placed = placeBlocks(articles, metrics.GRID_COLUMNS.broadsheet);
    expect(placed.map(({ id, row, column, span, lead }) => ({ id, row, column, span, lead }))).toEqual([
      { id: 'A03-1', row: 1, column: 1, span: 8, lead: true },
      { id: 'A03-2', row: 2, column: 1, span: 8, lead: false },
    ]);
    expect(placed[0]!.headline).toBe('xl');
    expect(placed[0]!.bodyColumns + placed[0]!.side).toBe(8);
  });

  it('flows a short body in few columns rather than a line or two in each', () => {
    const [placed] = placeBlocks([block('brief', 100)], 8);
    expect(placed).toMatchObject({ span: 8, side: 0 });
    expect(placed!.bodyColumns).toBeLessThanOrEqual(3);
  });

  it('shares a row among the articles after the lead, the longer ones wider', () => {
    const input = [block('lead', 3000), block('long', 2400), block('short', 300), block('mid', 900)];
    const placed = placeBlocks(input, 8);
    expectSound(placed, input, 8);
    const byId = Object.fromEntries(placed.map((p) => [p.id, p]));
    expect(byId.lead).toMatchObject({ row: 1, column: 1, span: 8 });
    expect(new Set([byId.long!.row, byId.short!.row, byId.mid!.row]).size).toBe(1);
    expect(byId.long!.span).toBeGreaterThan(byId.short!.span);
    expect(byId.long!.column).toBeLessThan(byId.short!.column);
  });

  it('gives a tabloid six columns and at most two blocks a row', () => {
    const input = [block('a', 1200), block('b', 800), block('c', 800), block('d', 800)];
    const placed = placeBlocks(input, 6);
    expectSound(placed, input, 6);
    expect(Math.max(...placed.filter((p) => p.row > 1).map((p) => placed.filter((q) => q.row === p.row).length))).toBe(2);
  });

  it('honours front-matter overrides: columns and row', () => {
    const input = [
      block('lead', 2000, { placement: { columns: 5 } }),
      block('beside', 600, { placement: { row: 1 } }),
      block('below', 900),
    ];
    const placed = placeBlocks(input, 8);
    expectSound(placed, input, 8);
    const byId = Object.fromEntries(placed.map((p) => [p.id, p]));
    expect(byId.lead).toMatchObject({ row: 1, column: 1, span: 5 });
    expect(byId.beside).toMatchObject({ row: 1, column: 6, span: 3 });
    expect(byId.below).toMatchObject({ row: 2, span: 8 });
  });

  it('moves blocks that do not fit a crowded row to the next row instead of overlapping', () => {
    const input = [block('a', 900, { placement: { columns: 6 } }), block('b', 900, { placement: { row: 1, columns: 4 } })];
    const placed = placeBlocks(input, 8);
    expectSound(placed, input, 8);
    expect(placed.find((p) => p.id === 'b')!.row).toBe(2);
  });

  it('never overlaps, never leaves the grid and places every article, whatever the content and overrides', () => {
    const arbBlock = fc.record({
      chars: fc.integer({ min: 0, max: 8000 }),
      lead: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
      captions: fc.array(fc.integer({ min: 5, max: 80 }), { maxLength: 3 }),
      columns: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
      row: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      headline: fc.integer({ min: 2, max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(arbBlock, { minLength: 1, maxLength: 9 }), fc.constantFrom(6, 8), (specs, columns) => {
        const input = specs.map((s, i) =>
          block(`b${i}`, s.chars, {
            headline: ['字'.repeat(s.headline)],
            lead: s.lead ? '导'.repeat(s.lead) : undefined,
            captions: s.captions,
            placement: s.columns || s.row ? { columns: s.columns, row: s.row } : undefined,
          }),
        );
        const placed = placeBlocks(input, columns);
        expectSound(placed, input, columns);
        // The lead without overrides opens the page and is as wide as any block beside it.
        if (!specs[0]!.row && !specs[0]!.columns && !specs.some((s, i) => i > 0 && s.row === 1)) {
          const lead = placed.find((p) => p.id === 'b0')!;
          expect(lead).toMatchObject({ row: 1, column: 1 });
          const beside = placed.filter((p) => p.row === 1 && p.id !== 'b0');
          if (beside.every((p) => !specs[Number(p.id.slice(1))]!.columns)) {
            for (const other of beside) expect(lead.span).toBeGreaterThanOrEqual(other.span);
          }
        }
      }),
      runs(300, 41),
    );
  });
});

describe('print layout: metrics mirror the typographic tokens', () => {
  const css = readFileSync(path.join(projectRoot, 'src/styles/tokens.css'), 'utf8');
  const token = (name: string) => {
    const match = new RegExp(`--${name}:\\s*([\\d.]+)`).exec(css);
    if (!match) throw new Error(`tokens.css has no --${name}`);
    return Number(match[1]);
  };
  it.each([
    ['np-column-chars', metrics.COLUMN_CHARS],
    ['np-gutter', metrics.GUTTER],
    ['np-page-leading', metrics.BODY_LEADING],
    ['np-caption-size', metrics.CAPTION_SIZE],
    ['np-kicker-size', metrics.KICKER_SIZE],
    ['np-deck-size', metrics.DECK_SIZE],
    ['np-headline-xl', metrics.HEADLINE_STEPS.xl],
    ['np-headline-l', metrics.HEADLINE_STEPS.l],
    ['np-headline-m', metrics.HEADLINE_STEPS.m],
    ['np-headline-s', metrics.HEADLINE_STEPS.s],
    ['np-headline-leading', metrics.HEADLINE_LEADING],
  ])('--%s is %s', (name, value) => {
    expect(token(name)).toBe(value);
  });
});

describe('print layout: short pages', () => {
  it('lets a short lead share the top row, still the widest and first', () => {
    const input = [block('lead', 150), block('brief', 60)];
    const placed = placeBlocks(input, 6);
    expectSound(placed, input, 6);
    const [lead, brief] = placed;
    expect(lead).toMatchObject({ id: 'lead', row: 1, column: 1 });
    expect(brief!.row).toBe(1);
    expect(lead!.span).toBeGreaterThanOrEqual(brief!.span);
  });
});
