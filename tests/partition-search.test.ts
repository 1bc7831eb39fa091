/**
 * The partition search against an oracle that does not search (helpers/partition-exhaustive.ts):
 * every guillotine partition of a small band listed and scored. Until this test the search was
 * checked only through whole pages that tile, fit and do not overlap, which any partition does:
 * a bound that pruned a winner, a key that merged two heights, or a stretch costed on the wrong
 * side gave another valid page and passed (Stryker: 94 of 260 mutants of partition.ts lived).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionOf, searchPartitions, type Candidate, type PartitionNode, type SearchItem } from '../src/print-layout/partition.ts';
import { BODY_LEADING } from '../src/print-layout/metrics.ts';
import { layoutPage } from '../src/print-layout/place.ts';
import { HEADLINE_STEPS, type HeadlineStep } from '../src/print-layout/metrics.ts';
import type { Variant } from '../src/print-layout/variants.ts';
import { everyPartition, spanOf, wholeOf, wholeScore } from './helpers/partition-exhaustive.ts';
import { fixedSeed, floor, Reach, runs } from './helpers/property.ts';

/** The page's own search options (place.ts `LAYOUT`): a rule's gap and 2.5 lines of blank allowed. */
const OPTIONS = { gap: 2.08, maxBlankBelow: 2.5 * BODY_LEADING };
const STEPS = Object.keys(HEADLINE_STEPS) as HeadlineStep[];
/** [articles, candidates offered, candidates kept] per band of the work test, as measured (session 9). */
const MEASURED_EFFORT = [[10, 16233, 3122], [8, 7279, 1919], [13, 21917, 4431], [9, 13466, 2268], [9, 9852, 2343], [9, 12146, 2672]];
/** Candidates offered and kept over the 200 narrow bands of the second work test, as measured (session 9). */
const NARROW_EFFORT = { offered: 12077, kept: 9690 };
const score = (c: Candidate) => wholeScore({ ...c, shape: '' });

/** A band of 1–4 articles on 2–6 columns, each with 0–2 shapes per span (none: the span is not offered). */
const band = fc
  .record({ columns: fc.integer({ min: 2, max: 6 }), n: fc.integer({ min: 1, max: 4 }), lead: fc.boolean() })
  .chain(({ columns, n, lead }) =>
    fc.record({
      columns: fc.constant(columns),
      lead: fc.constant(lead),
      shapes: fc.array(
        fc.array(
          fc.array(
            fc.record({
              lines: fc.integer({ min: 5, max: 45 }),
              blank: fc.integer({ min: 0, max: 40 }),
              smaller: fc.boolean(),
              step: fc.constantFrom(...STEPS),
            }),
            { maxLength: 2 },
          ),
          { minLength: columns, maxLength: columns },
        ),
        { minLength: n, maxLength: n },
      ),
    }),
  );

type Band = { columns: number; lead: boolean; shapes: { lines: number; blank: number; smaller: boolean; step: HeadlineStep }[][][] };

/** Every span the search asked an article's shapes for. */
let asked: number[] = [];

function itemsOf(b: Band): SearchItem[] {
  asked = [];
  return b.shapes.map((spans, a) => {
    const table = spans.map((shapes, s): Variant[] =>
      shapes.map((v) => ({ span: s + 1, step: v.step, side: 0, bodyColumns: s + 1, white: [], height: v.lines * BODY_LEADING, blank: v.blank, style: v.smaller ? 1.2 * BODY_LEADING * 10 : 0 })),
    );
    return {
      variants: (span: number) => {
        asked.push(span);
        return table[span - 1] ?? [];
      },
      lead: b.lead && a === 0,
    };
  });
}

/** The articles at a partition's leaves, in reading order (left before right, top before bottom). */
const leaves = (node: PartitionNode): number[] => (node.kind === 'block' ? [node.index] : node.kind === 'empty' ? [] : node.children.flatMap(leaves));

/** True when every cut's parts fill the cut's width: side by side they add up, stacked each is the whole. */
function tiles(node: PartitionNode, width: number): boolean {
  if (node.kind !== 'across' && node.kind !== 'down') return spanOf(node) === width;
  if (node.span !== width) return false;
  const [a, b] = node.children as [PartitionNode, PartitionNode];
  return node.kind === 'down' ? tiles(a, width) && tiles(b, width) : tiles(a, spanOf(a)) && tiles(b, spanOf(b)) && spanOf(a) + spanOf(b) === width;
}

/** The regions of a partition with part of their width left empty. */
const paddedRegions = (node: PartitionNode): (PartitionNode & { kind: 'across' })[] =>
  node.kind === 'block' || node.kind === 'empty' ? [] : [...(node.kind === 'across' && node.children[1]!.kind === 'empty' ? [node as PartitionNode & { kind: 'across' }] : []), ...node.children.flatMap(paddedRegions)];

describe('the partition search against every partition', () => {
  const reach = new Reach('partition search');
  let equal = 0;
  let compared = 0;

  it('returns whole partitions, scored as their trees score, never cheaper than the cheapest there is, and that one almost always', () => {
    fc.assert(
      fc.property(band, (b) => {
        reach.case();
        const items = itemsOf(b);
        const found = searchPartitions(items, b.columns, OPTIONS);
        const every = everyPartition(items, b.columns, OPTIONS);
        // Shapes are asked for only at spans the band has.
        expect(asked.every((span) => Number.isInteger(span) && span >= 1 && span <= b.columns)).toBe(true);
        // A partition exists exactly when the search finds one.
        expect(found.length > 0).toBe(every.length > 0);
        if (found.length === 0) return reach.hit('none');
        expect(found.length).toBeLessThanOrEqual(40);
        const keys = new Set<string>();
        for (const [at, c] of found.entries()) {
          const tree = partitionOf(c);
          // Every article once, in reading order, and the cuts tile the band.
          expect(leaves(tree)).toEqual(items.map((_, i) => i));
          expect(tiles(tree, b.columns)).toBe(true);
          // Part of a width is left empty only where its articles have no partition that fills it.
          for (const padded of paddedRegions(tree)) {
            const region = leaves(padded);
            const fills = everyPartition(region.map((i) => items[i]!), padded.span, OPTIONS).filter((p) => !p.shape.startsWith('['));
            expect(fills).toEqual([]);
            reach.hit('padded where needed');
          }
          // The search's bookkeeping is what its tree scores.
          const whole = wholeOf(tree, items, b.columns, OPTIONS);
          expect(c.height).toBeCloseTo(whole.height, 9);
          expect(c.cost).toBeCloseTo(whole.cost, 9);
          expect(c.worst).toBeCloseTo(whole.worst, 9);
          expect([c.absorb, c.maxArea, c.leadArea, c.topLeft, c.topRight]).toEqual([whole.absorb, whole.maxArea, whole.leadArea, whole.topLeft, whole.topRight]);
          // Cheapest first; one candidate per height (in half lines) and pair of corner sizes.
          if (at > 0) expect(score(c)).toBeGreaterThanOrEqual(score(found[at - 1]!));
          const key = `${Math.round(c.height / (BODY_LEADING / 2))} ${c.topLeft} ${c.topRight}`;
          expect(keys.has(key)).toBe(false);
          keys.add(key);
          if (whole.shape.includes('|')) reach.hit('side by side');
          if (whole.shape.includes('/')) reach.hit('stacked');
          if (whole.shape.includes('+')) reach.hit('padded');
          if (c.leadArea === Infinity) reach.hit('lead across the page');
          if (c.leadArea > 0 && c.maxArea > c.leadArea) reach.hit('lead smaller');
        }
        // The exhaustive list holds every partition the search can choose from, and more.
        expect(score(found[0]!)).toBeGreaterThanOrEqual(wholeScore(every[0]!) - 1e-9);
        compared++;
        if (Math.abs(score(found[0]!) - wholeScore(every[0]!)) <= 1e-9) equal++;
        if (found.length > 1) reach.hit('more than one');
      }),
      runs(2000, 14),
    );
    console.log(reach.summary(), `; best equal to the exhaustive best in ${equal} of ${compared}`);
    // How often the search misses the exhaustive best, as tight as measured: under seed 14, 10 of
    // 1,842 bands (99.5% found), and 1 of 458 on the quarter of the cases the mutation runs take;
    // under fresh seeds about 0.6% (20,000 bands, seeds 3 and 99), so 2% there. The misses: a
    // region's short list of 6 dropped a part of the best, or the best pairs parts over 6 lines
    // apart, which the search pairs only when it kept no closer pair. Not loosened by `floor`:
    // finding the best is what the search is for, so a search that finds it less often fails.
    const misses = compared - equal;
    const scale = Number(process.env.NEWSPRINT_PROPERTY_SCALE ?? 1);
    if (fixedSeed() && scale === 1) expect(misses).toBeLessThanOrEqual(10);
    else if (fixedSeed() && scale === 0.25) expect(misses).toBeLessThanOrEqual(1);
    else expect(misses / compared).toBeLessThanOrEqual(0.02);
    // Measured under seed 14: 58.3%, 65.7%, 63.2%, 30.0%, 26.7%, 7.9%.
    expect(reach.share('side by side')).toBeGreaterThanOrEqual(floor(0.58));
    expect(reach.share('stacked')).toBeGreaterThanOrEqual(floor(0.65));
    expect(reach.share('padded')).toBeGreaterThanOrEqual(floor(0.63));
    expect(reach.share('lead across the page')).toBeGreaterThanOrEqual(floor(0.3));
    expect(reach.share('lead smaller')).toBeGreaterThanOrEqual(floor(0.26));
    expect(reach.share('none')).toBeGreaterThanOrEqual(floor(0.079));
  }, 600_000);
});

describe('the search’s rules and its work', () => {
  /** A broadsheet band of 8–14 articles, each with 1–3 shapes per span. */
  const broadsheet = fc.record({
    columns: fc.constant(8),
    lead: fc.constant(true),
    shapes: fc.array(fc.array(fc.array(fc.record({ lines: fc.integer({ min: 5, max: 45 }), blank: fc.integer({ min: 0, max: 40 }), smaller: fc.boolean(), step: fc.constantFrom(...STEPS) }), { minLength: 1, maxLength: 3 }), { minLength: 8, maxLength: 8 }), { minLength: 8, maxLength: 14 }),
  });

  it('does no more work than its pruning allows', () => {
    // The bounds, the pairing of close heights first and the short lists are what keep a page of
    // 14 articles to milliseconds; each only spares work (the exhaustive test above checks the
    // answers). Counted on six generated broadsheet bands (fast-check seed 5) and kept as a
    // budget: a change that weighs or keeps more candidates fails here, one that weighs fewer
    // must still find the best above. Measured in session 9 (8–13 articles: 7,279–21,917
    // offered, 1,919–4,431 kept); lower them when the search gets leaner.
    const counts = fc.sample(broadsheet, { seed: 5, numRuns: 6 }).map((b) => {
      const effort = { offered: 0, kept: 0 };
      searchPartitions(itemsOf(b), b.columns, { ...OPTIONS, effort });
      return [b.shapes.length, effort.offered, effort.kept];
    });
    // Every candidate kept was first offered.
    for (const [, offered, kept] of counts) {
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThanOrEqual(offered!);
    }
    // A budget, not a snapshot: the same articles, and no more offered or kept than measured.
    expect(counts.map(([n]) => n)).toEqual(MEASURED_EFFORT.map(([n]) => n));
    counts.forEach(([, offered, kept], i) => {
      expect(offered).toBeLessThanOrEqual(MEASURED_EFFORT[i]![1]!);
      expect(kept).toBeLessThanOrEqual(MEASURED_EFFORT[i]![2]!);
    });
  });

  it('does no more work on narrow bands than measured, where parts of the width are left empty', () => {
    // 200 small bands (the generator above, fast-check seed 8), many with spans no shape takes,
    // where the search falls back to leaving part of the width empty: in all, as measured in
    // session 9, at most this many candidates offered and kept.
    const effort = { offered: 0, kept: 0 };
    // And a band that cannot fill its width at all: two articles with only 2-column shapes (four
    // each) on 6 columns, which falls back to 4 columns and leaves 2 empty.
    const two = (lines: number, step: HeadlineStep) => ({ lines, blank: 0, smaller: false, step });
    const unfilled: Band = { columns: 6, lead: false, shapes: [0, 1].map((a) => [[], [two(8 + a, 'xl'), two(10 + a, 'l'), two(14 + a, 'm'), two(18 + a, 's')], [], [], [], []]) };
    // And one article with eight 2-column shapes, alone on 4 columns: the whole band falls back
    // to 2 columns, a region that keeps its 6 best like any below the page's own.
    const lone: Band = { columns: 4, lead: false, shapes: [[[], [8, 11, 14, 17, 20, 23, 26, 29].map((n, k) => two(n, STEPS[k % 4]!)), [], []]] };
    for (const b of [...fc.sample(band, { seed: 8, numRuns: 200 }), unfilled, lone]) searchPartitions(itemsOf(b), b.columns, { ...OPTIONS, effort });
    expect(effort.offered).toBeLessThanOrEqual(NARROW_EFFORT.offered);
    expect(effort.kept).toBeLessThanOrEqual(NARROW_EFFORT.kept);
    expect(effort.kept).toBeGreaterThan(0);
  });

  it('gives a band of more articles than any strip holds a partition all the same', () => {
    // Two columns hold at most ⌊1.5 × 2⌋ + 1 = 4 articles in a strip; a band of 5 on a 2-column
    // page is the page's whole width, which holds them all (stacked, side by side or padded).
    const shape = (lines: number, step: HeadlineStep) => ({ lines, blank: 0, smaller: false, step });
    const b: Band = { columns: 2, lead: true, shapes: [[[], [shape(12, 'l')]], ...[8, 9, 10, 11].map((n): Band['shapes'][number] => [[shape(n, 's')], [shape(n, 'm')]])] };
    expect(searchPartitions(itemsOf(b), 2, OPTIONS).length).toBeGreaterThan(0);
    // And the make-up of a tabloid page (6 columns: 10 articles a strip) of 12 briefs.
    const briefs = Array.from({ length: 12 }, (_, i) => ({ id: `brief-${i}`, headline: ['网格员走访万户'], bylineLines: 1, paragraphs: [60, 80], sectionHeads: 0, captions: [] }));
    expect(layoutPage(briefs, { format: 'tabloid' }).blocks.map((p) => p.id)).toEqual(briefs.map((p) => p.id));
  });

  it('never piles more articles in a strip than it holds', () => {
    // Two columns: the lead, 1 column and 30 lines tall; three briefs of 10 lines, 1 column. Side
    // by side, the lead and the three stacked (10 + 10 + 10 lines and two gaps) would be level
    // and blank-free, but a 1-column strip holds at most ⌊1.5⌋ + 1 = 2 articles.
    // (The lead's headline large, the briefs' small: two heads side by side never share a size.)
    const shape = (lines: number, step: HeadlineStep) => ({ lines, blank: 0, smaller: false, step });
    const b: Band = { columns: 2, lead: true, shapes: [[[shape(30, 'l')], []], [[shape(10, 's')], []], [[shape(10, 's')], []], [[shape(10, 's')], []]] };
    const found = searchPartitions(itemsOf(b), 2, OPTIONS);
    const strips = (node: PartitionNode): number[] => (node.kind === 'block' || node.kind === 'empty' ? [] : [...(spanOf(node) === 1 ? [leaves(node).length] : []), ...node.children.flatMap(strips)]);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(Math.max(0, ...strips(partitionOf(c)))).toBeLessThanOrEqual(2);
  });
});
