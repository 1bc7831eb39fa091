/**
 * An oracle for `searchPartitions` that does not search: it lists every guillotine partition
 * of a band (every cut, every split of the width, every variant of every article), scores each
 * by the cost model partition.ts documents, and keeps them all. No bound, no per-height key,
 * no candidate limit, no memo: a page small enough for this (4 articles, 6 columns) is where
 * the search claims to be exhaustive over cuts and spans, so its best must be this best.
 *
 * The cost model, from the module's documentation:
 * - a block costs its variant's blank plus its style;
 * - side by side, the shorter part is stretched to the longer one's height, and the stretch
 *   across the shorter part's width is blank; divided among the blocks that share it from
 *   above (`absorb`), what leaves a block more than `maxBlankBelow` below its text costs
 *   `OVER_BLANK` more per em over;
 *   two headlines side by side at the cut's top never share a size;
 * - stacked, the costs add and `gap` is put between;
 * - a lead smaller than another block costs `LEAD_SMALLER` per em² short; a lead across the
 *   whole width is the largest whatever the others' areas;
 * - a region no partition fills is filled to the width with empty columns, costing `EMPTY` per
 *   em² left empty, from the widest width that has a partition;
 * - a region `w` columns wide, narrower than the page, holds at most `⌊1.5w⌋ + 1` articles
 *   the page's whole width holds every article.
 *
 * The search pairs side-by-side parts more than 6 lines apart in height only when it kept no
 * closer pair; which it kept depends on its own bounds, so that rule is not written here: this
 * lists every pair, a superset of what the search may choose from. The search's best can
 * therefore never be cheaper than this best, and is equal to it whenever the best partition has
 * no such pair and no region's short list dropped a part of it.
 */
import { spanWidth } from '../../src/print-layout/metrics.ts';
import type { Candidate, PartitionNode, SearchItem, SearchOptions } from '../../src/print-layout/partition.ts';
import { stepRank } from '../../src/print-layout/variants.ts';

const OVER_BLANK = 30;
const LEAD_SMALLER = 4;
const EMPTY = 20;
const maxItems = (w: number) => Math.floor(1.5 * w) + 1;

/**
 * One whole partition of a region, with what its neighbours need to know of it: the search's
 * own candidate fields (the same meaning, computed here apart), and the tree written out.
 */
export type Whole = Omit<Candidate, 'parts'> & {
  /** The partition written out: `3` a block (with its span and step), `(a | b)` side by side, `(a / b)` stacked, `[a + 2]` padded. */
  shape: string;
};

export const wholeScore = (c: Whole) => c.cost + (c.leadArea > 0 && c.maxArea > c.leadArea ? (c.maxArea - c.leadArea) * LEAD_SMALLER : 0);

/** Every partition of `items` across `columns` columns, best first (ties in the order found). */
export function everyPartition(items: SearchItem[], columns: number, options: SearchOptions): Whole[] {
  const memo = new Map<string, Whole[]>();
  const all = (i: number, j: number, w: number): Whole[] => {
    const key = `${i},${j},${w}`;
    const held = memo.get(key);
    if (held) return held;
    const out: Whole[] = [];
    if (w === columns || j - i <= maxItems(w)) {
      if (j === i + 1) {
        const lead = items[i]!.lead;
        for (const v of items[i]!.variants(w)) {
          const area = lead && v.span === columns ? Infinity : spanWidth(v.span) * v.height;
          const r = stepRank(v.step);
          out.push({ height: v.height, cost: v.blank + v.style, worst: 0, absorb: 1, maxArea: lead ? 0 : area, leadArea: lead ? area : 0, topLeft: r, topRight: r, shape: `${i}:${v.span}${v.step}` });
        }
      } else {
        for (let k = i + 1; k < j; k++) {
          for (const t of all(i, k, w))
            for (const b of all(k, j, w))
              out.push({ height: t.height + options.gap + b.height, cost: t.cost + b.cost, worst: Math.max(t.worst, b.worst), absorb: t.absorb + b.absorb, maxArea: Math.max(t.maxArea, b.maxArea), leadArea: t.leadArea + b.leadArea, topLeft: t.topLeft, topRight: t.topRight, shape: `(${t.shape} / ${b.shape})` });
          for (let w1 = 1; w1 < w; w1++) {
            if (k - i > maxItems(w1) || j - k > maxItems(w - w1)) continue;
            for (const l of all(i, k, w1)) for (const r of all(k, j, w - w1)) if (!(l.topRight >= 0 && l.topRight === r.topLeft)) out.push(across(l, r, w1, w, options));
          }
        }
      }
      if (out.length === 0) {
        for (let w1 = w - 1; w1 >= 1 && out.length === 0; w1--)
          for (const c of all(i, j, w1)) out.push({ ...c, cost: c.cost + EMPTY * spanWidth(w - w1) * c.height, shape: `[${c.shape} + ${w - w1}]` });
      }
    }
    memo.set(key, out);
    return out;
  };
  return [...all(0, items.length, columns)].sort((a, b) => wholeScore(a) - wholeScore(b));
}

function across(l: Whole, r: Whole, leftSpan: number, span: number, options: SearchOptions): Whole {
  const leftShort = l.height < r.height;
  const short = leftShort ? l : r;
  const long = leftShort ? r : l;
  const stretch = long.height - short.height;
  const stretched = short.worst + stretch / short.absorb;
  const over = Math.max(0, stretched - options.maxBlankBelow) - Math.max(0, short.worst - options.maxBlankBelow);
  return {
    height: long.height,
    cost: l.cost + r.cost + spanWidth(leftShort ? leftSpan : span - leftSpan) * (stretch + OVER_BLANK * over),
    worst: Math.max(long.worst, stretched),
    absorb: Math.min(l.absorb, r.absorb),
    maxArea: Math.max(l.maxArea, r.maxArea),
    leadArea: l.leadArea + r.leadArea,
    topLeft: l.topLeft,
    topRight: r.topRight >= 0 ? r.topRight : l.topRight,
    shape: `(${l.shape} | ${r.shape})`,
  };
}

/**
 * A partition the search returned, scored again from its tree alone (the variants at its
 * leaves, the spans of its cuts) by the cost model above: what the search's own bookkeeping
 * must agree with.
 */
export function wholeOf(node: PartitionNode, items: SearchItem[], columns: number, options: SearchOptions): Whole {
  if (node.kind === 'block') {
    const v = node.variant;
    const lead = items[node.index]!.lead;
    const area = lead && v.span === columns ? Infinity : spanWidth(v.span) * v.height;
    const r = stepRank(v.step);
    return { height: v.height, cost: v.blank + v.style, worst: 0, absorb: 1, maxArea: lead ? 0 : area, leadArea: lead ? area : 0, topLeft: r, topRight: r, shape: `${node.index}:${v.span}${v.step}` };
  }
  if (node.kind === 'empty') throw new Error('An empty region stands only beside a partition.');
  const [a, b] = node.children as [PartitionNode, PartitionNode];
  if (b.kind === 'empty') {
    const c = wholeOf(a, items, columns, options);
    return { ...c, cost: c.cost + EMPTY * spanWidth(b.span) * c.height, shape: `[${c.shape} + ${b.span}]` };
  }
  const t = wholeOf(a, items, columns, options);
  const u = wholeOf(b, items, columns, options);
  if (node.kind === 'across') return across(t, u, spanOf(a), node.span, options);
  return { height: t.height + options.gap + u.height, cost: t.cost + u.cost, worst: Math.max(t.worst, u.worst), absorb: t.absorb + u.absorb, maxArea: Math.max(t.maxArea, u.maxArea), leadArea: t.leadArea + u.leadArea, topLeft: t.topLeft, topRight: t.topRight, shape: `(${t.shape} / ${u.shape})` };
}

/** Columns a partition node spans. */
export const spanOf = (node: PartitionNode): number => (node.kind === 'block' ? node.variant.span : node.span);
