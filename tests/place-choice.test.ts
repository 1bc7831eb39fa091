/**
 * Which of the search's candidates the make-up takes (place.ts), and what it reports of the
 * page: checked on generated pages in every format and option (tabloid, front page, right to
 * left, `row` bands, fixed spans), against the rules the module documents rather than against
 * its own arithmetic. Found by a differential search: each mutant of place.ts that Stryker left
 * alive run against the original on 360 generated page variants; those below changed a page.
 */
import { describe, expect, it } from 'vitest';
import { blockInput } from '../src/print-layout/block-input.ts';
import { BODY_LEADING, GRID_COLUMNS } from '../src/print-layout/metrics.ts';
import { bumpingHeadlines, layoutPage, type BlockInput, type LayoutOptions, type PlacedBlock } from '../src/print-layout/place.ts';
import { sheetBlockHeightEm } from '../src/print-layout/sheet.ts';
import { generatePage, readGenerated } from './helpers/page-generator.ts';

const EPS = 1e-6;
interface Variant {
  name: string;
  options: LayoutOptions;
  /** Gives every other article after the lead a band of its own, 1 or 2. */
  rows?: boolean;
  /** Fixes every third article's span. */
  fixed?: boolean;
}
const VARIANTS: Variant[] = [
  { name: 'broadsheet', options: {} },
  { name: 'tabloid', options: { format: 'tabloid' } },
  { name: 'front page', options: { front: true } },
  { name: 'right to left', options: { direction: 'rtl' } },
  { name: 'bands', options: {}, rows: true },
  { name: 'fixed spans', options: {}, fixed: true },
];
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

function pageOf(seed: number, v: Variant): BlockInput[] {
  return generatePage(seed).articles.map((a, i) => {
    const g = readGenerated(a);
    const input = blockInput(g.slug, g.data, g.sections);
    if (v.rows && i > 0) return { ...input, placement: { row: 1 + (i % 2) } };
    if (v.fixed && i % 3 === 1) return { ...input, placement: { columns: 2 + (i % 3) } };
    return input;
  });
}

/** The make-up's margins (place.ts): the lead a twentieth larger than any block, same-size heads two lines apart. */
const leadKept = (blocks: PlacedBlock[], columns: number) => {
  const lead = blocks.find((b) => b.lead)!;
  return blocks.every((p) => p.lead || (p.span <= lead.span && (lead.span === columns || p.span * p.height <= 0.95 * lead.span * lead.height + EPS)));
};

// Each test lays out 240 pages: about 3 s on a quiet machine, more than twice that under load.
describe('the make-up on generated pages', { timeout: 120_000 }, () => {
  const pages = SEEDS.flatMap((seed) => VARIANTS.map((v) => ({ seed, v, input: pageOf(seed, v) })));

  it('reports the height its content needs, fills the sheet only as one band, and gives a single band its own box', () => {
    let filled = 0;
    let banded = 0;
    for (const { seed, v, input } of pages) {
      const layout = layoutPage(input, v.options);
      const bands = new Set(layout.blocks.map((b) => b.band)).size;
      const at = `seed ${seed}, ${v.name}`;
      if (bands > 1) banded++;
      // A page stretched to its sheet is exactly the sheet's height, and its content was less;
      // a page not stretched is as tall as its content: every band and the gaps between them.
      if (layout.filled) {
        filled++;
        expect(bands, at).toBe(1);
        expect(layout.height, at).toBeCloseTo(sheetBlockHeightEm(v.options.format ?? 'broadsheet', v.options.front), 6);
        expect(layout.contentHeight, at).toBeLessThan(layout.height);
      } else expect(layout.contentHeight, at).toBeCloseTo(layout.height, 6);
      // One band: its box is the page's root, not wrapped in a stack of one.
      if (bands === 1) expect(layout.root.kind === 'down' && layout.root.children?.length === 1, at).toBe(false);
      else expect(layout.root.children?.length, at).toBe(bands);
    }
    // Measured: of 240 pages, 41 filled and 40 in two bands.
    expect(filled).toBeGreaterThanOrEqual(41);
    expect(banded).toBeGreaterThanOrEqual(40);
  });

  it('lays out a page of bands without regard to its sheet', () => {
    // A front page's sheet is shorter (the masthead): a page of bands must come out the same.
    let compared = 0;
    for (const { seed, v, input } of pages.filter((p) => p.v.rows)) {
      const page = layoutPage(input, {});
      if (new Set(page.blocks.map((b) => b.band)).size < 2) continue;
      const front = layoutPage(input, { front: true });
      expect({ ...front, sheetHeight: 0 }, `seed ${seed}, ${v.name}`).toEqual({ ...page, sheetHeight: 0 });
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it('takes a candidate that keeps the lead largest and same-size headlines two lines apart', () => {
    let half = 0;
    for (const { seed, v, input } of pages) {
      const layout = layoutPage(input, v.options);
      const columns = GRID_COLUMNS[v.options.format ?? 'broadsheet'];
      const at = `seed ${seed}, ${v.name}`;
      const lead = layout.blocks.find((b) => b.lead)!;
      if (!input[0]!.placement?.columns) expect(lead.span * 2, at).toBeGreaterThanOrEqual(columns);
      if (lead.span * 2 === columns) half++;
      for (const band of new Set(layout.blocks.map((b) => b.band))) {
        const blocks = layout.blocks.filter((b) => b.band === band);
        if (blocks.some((b) => b.lead)) expect(leadKept(blocks, columns), `${at}: lead`).toBe(true);
        expect(bumpingHeadlines(blocks, 2 * BODY_LEADING), `${at}: bumping heads`).toEqual([]);
      }
    }
    // At least half the page, so half is allowed: measured, the lead takes exactly half on 14 pages.
    expect(half).toBeGreaterThanOrEqual(14);
  });
});

describe('the make-up, case by case', () => {
  const placed = (id: string, column: number, span: number, top: number, headSpace: number): PlacedBlock => ({ id, column, span, top, height: 30, content: 28, headSpace, side: 0, bodyColumns: span, white: [], headline: 'm', lead: false, band: 1 });

  it('finds bumping headlines at the headline, half the head space below the block’s top', () => {
    // a's headline stands at 0 + 3.2 / 2 = 1.6 em, b's at 0.4 + 2.4 / 2 = 1.6 em: one height, and
    // b stands right of a: they bump. Taken at the block's top they would be 0.4 em apart and
    // bump too, so the case is one where the tops differ by less than the head spaces do: with
    // the head space counted the other way (1.6 − 3.2 and 0.4 − 2.4) or twice, they are 2.4 em
    // or more apart, over the line.
    expect(bumpingHeadlines([placed('a', 1, 4, 0, 3.2), placed('b', 5, 4, 0.4, 2.4)])).toEqual([['a', 'b']]);
    // Tops 1.6 em apart with no head space: a line apart, not bumping; the same with b's head
    // space making up the difference: bumping.
    expect(bumpingHeadlines([placed('a', 1, 4, 1.6, 0), placed('b', 5, 4, 0, 0)])).toEqual([]);
    expect(bumpingHeadlines([placed('a', 1, 4, 1.6, 0), placed('b', 5, 4, 0, 3.2)])).toEqual([['a', 'b']]);
  });

  it('checks a candidate as it will be laid out: stretched to the sheet when it nearly fills it', () => {
    // Generated page 1675 (broadsheet): the first candidate tried is 121.7 em tall on a sheet of
    // 124.8, near enough to be stretched to it. At its natural height two same-size headlines
    // stand within two lines of each other; stretched, the head space the stretch gives each
    // block moves them apart, so the page as laid out keeps every rule and is the one taken:
    // it fills its sheet. (Checked unstretched, it was refused for a costlier one 120.2 em tall
    // that leaves the foot of the sheet empty. Found by the differential search: 3 of 8,000
    // generated page variants differ so.)
    const layout = layoutPage(pageOf(1675, VARIANTS[0]!), {});
    expect(layout.filled).toBe(true);
    expect(leadKept(layout.blocks, 8)).toBe(true);
    expect(bumpingHeadlines(layout.blocks, 2 * BODY_LEADING)).toEqual([]);
  });

  it('lays out a page with no articles as an empty page', () => {
    const layout = layoutPage([], { format: 'tabloid' });
    expect(layout).toEqual({ columns: 6, direction: 'ltr', blocks: [], root: { kind: 'empty', column: 1, span: 6, top: 0, height: 0 }, height: 0, contentHeight: 0, sheetHeight: sheetBlockHeightEm('tabloid'), filled: false });
  });

  it('gives a headline that breaks into more than two lines at every span the whole width', () => {
    // 112 characters: at step s across the page (91.3 / 1.8 = 50 a line) two lines are not
    // enough, and narrower it takes more: no span offers a step, so the page's whole width
    // takes it at the smallest step (a span forced by the page), rather than no span at all.
    const headline = '国务院新闻办公室举行新闻发布会介绍全面推进乡村振兴加快建设农业强国有关情况以及今年以来的主要成效和下一步工作安排'.repeat(2);
    const layout = layoutPage([{ id: 'x', headline: [headline], bylineLines: 1, paragraphs: [150, 150, 150, 150, 100], sectionHeads: 0, captions: [] }]);
    expect(layout.blocks[0]).toMatchObject({ span: 8, headline: 's' });
  });
});
