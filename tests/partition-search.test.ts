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
import { HEADLINE_STEPS, type HeadlineStep } from '../src/print-layout/metrics.ts';
import type { Variant } from '../src/print-layout/variants.ts';
import { everyPartition, spanOf, wholeOf, wholeScore } from './helpers/partition-exhaustive.ts';
import { floor, Reach, runs } from './helpers/property.ts';

/** The page's own search options (place.ts `LAYOUT`): a rule's gap and 2.5 lines of blank allowed. */
const OPTIONS = { gap: 2.08, maxBlankBelow: 2.5 * BODY_LEADING };
const STEPS = Object.keys(HEADLINE_STEPS) as HeadlineStep[];
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

function itemsOf(b: Band): SearchItem[] {
  return b.shapes.map((spans, a) => {
    const table = spans.map((shapes, s): Variant[] =>
      shapes.map((v) => ({ span: s + 1, step: v.step, side: 0, bodyColumns: s + 1, white: [], height: v.lines * BODY_LEADING, blank: v.blank, style: v.smaller ? 1.2 * BODY_LEADING * 10 : 0 })),
    );
    return { variants: (span: number) => table[span - 1] ?? [], lead: b.lead && a === 0 };
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
    // Measured under seed 14: 1,832 of 1,842, 99.5%; about the same under fresh seeds and on a
    // quarter of the cases. The rest: a region's short list of 6 dropped a part of the best, or
    // the best pairs parts over 6 lines apart, which the search pairs only when it kept no closer
    // pair. Not scaled by `floor`: this is what the search is for, so it holds under Stryker too.
    expect(equal / compared).toBeGreaterThanOrEqual(0.98);
    // Measured under seed 14: 58.3%, 65.7%, 63.2%, 30.0%, 26.7%, 7.9%.
    expect(reach.share('side by side')).toBeGreaterThanOrEqual(floor(0.58));
    expect(reach.share('stacked')).toBeGreaterThanOrEqual(floor(0.65));
    expect(reach.share('padded')).toBeGreaterThanOrEqual(floor(0.63));
    expect(reach.share('lead across the page')).toBeGreaterThanOrEqual(floor(0.3));
    expect(reach.share('lead smaller')).toBeGreaterThanOrEqual(floor(0.26));
    expect(reach.share('none')).toBeGreaterThanOrEqual(floor(0.079));
  }, 600_000);
});
