/**
 * The search at the heart of page make-up (组版): a guillotine partition of a band of the page
 * into article rectangles, with one shape variant per article, found by dynamic programming
 * over runs of consecutive articles (after Frandsen et al.'s recursive bisection and
 * Strecker and Hennig's variant search).
 *
 * A region `w` columns wide holding articles i…j−1 (in reading order) is either one article,
 * or cut down the middle (the first articles on the left, side by side at the same height:
 * the shorter side is stretched and the stretch is blank), or cut across (the first articles
 * on top). So article i is always at the region's top left, and the page's lead at the page's.
 * Each region keeps a short list of candidates, the cheapest for each height (in half lines)
 * and pair of headline sizes at its top corners, so the search is exhaustive over cuts and
 * spans but polynomial: a page of 14 articles takes a few milliseconds. Everything is
 * deterministic: ties go to the first candidate found, in a fixed order.
 */
import { BODY_LEADING, spanWidth } from './metrics.ts';
import { stepRank, type Variant } from './variants.ts';

/** What the search knows of one article: its shape variants by span. */
export interface SearchItem {
  variants: (span: number) => Variant[];
  /** The page's lead: its block must be the largest. Only a band's first article may be it (the search counts the lead's area from a region's first part). */
  lead: boolean;
}

/** A node of the chosen partition, before geometry is worked out. */
export type PartitionNode =
  | { kind: 'block'; index: number; variant: Variant }
  | { kind: 'empty'; span: number }
  | { kind: 'across' | 'down'; span: number; children: PartitionNode[] };

export interface SearchOptions {
  /** Space between two blocks stacked in a column: the rule and the room around it, in em. */
  gap: number;
  /** A block may be left with at most this much blank below its text, in em, before the search counts it a fault. */
  maxBlankBelow: number;
  /**
   * Counts the search's work, when given: what its pruning saves is what keeps a page of 14
   * articles to milliseconds, and a count (unlike a time) is the same on every machine.
   */
  effort?: SearchEffort;
}

/** The search's work: candidates weighed against a region's short list, and those put on it. */
export interface SearchEffort {
  offered: number;
  kept: number;
}

export interface Candidate {
  /** Height of the region's content, in em, with every side-by-side pair stretched level. */
  height: number;
  /** Blank area in em² (what stretching leaves and what the shapes leave), plus penalties. */
  cost: number;
  /** Largest blank below the text of any one block, in em, if the region is not stretched further. */
  worst: number;
  /** How many blocks share a stretch of the region from above (its stretch divides among them). */
  absorb: number;
  /** Largest area of a block other than the lead, in em². */
  maxArea: number;
  /** Area of the lead's block, when the region holds it. */
  leadArea: number;
  /** Size rank of the headline at the region's top-left and top-right corners (every block has a headline). */
  topLeft: number;
  topRight: number;
  parts: Parts;
}

/** How a candidate was made, to rebuild its partition once chosen. */
type Parts =
  | { kind: 'block'; index: number; variant: Variant }
  | { kind: 'across' | 'down'; span: number; a: Candidate; b: Candidate }
  | { kind: 'padded'; span: number; leftSpan: number; a: Candidate };

/** Candidates kept per region and width: enough for a level page, small enough to be fast. */
const KEEP = 6;
const ROOT_KEEP = 40;
/** Side-by-side parts are paired only within this height difference (in em) when any pair is. */
const MISMATCH = 6 * BODY_LEADING;
/** A region `w` columns wide, narrower than the page, holds at most this many articles (a strip of briefs, not a pile). */
const maxItems = (w: number) => Math.floor(1.5 * w) + 1;
/** Weight of a block left with more blank below its text than allowed (per em over). */
const OVER_BLANK = 30;
/** Weight of a lead smaller than another block (per em² short). */
const LEAD_SMALLER = 4;
/** Weight of leaving part of the width empty (only when fixed spans leave no other way). */
const EMPTY = 20;

function leaf(variant: Variant, index: number, lead: boolean, columns: number): Candidate {
  // A lead across the whole page (通栏) is the largest block whatever the others' areas.
  const area = lead && variant.span === columns ? Infinity : spanWidth(variant.span) * variant.height;
  const rank = stepRank(variant.step);
  return { height: variant.height, cost: variant.blank + variant.style, worst: 0, absorb: 1, maxArea: lead ? 0 : area, leadArea: lead ? area : 0, topLeft: rank, topRight: rank, parts: { kind: 'block', index, variant } };
}

/** Ranks candidates: cheapest first, a lead smaller than another block counting against it. */
const rank = (cost: number, maxArea: number, leadArea: number) => cost + (leadArea > 0 && maxArea > leadArea ? (maxArea - leadArea) * LEAD_SMALLER : 0);
const score = (c: Candidate) => rank(c.cost, c.maxArea, c.leadArea);

/**
 * Collects a region's candidates, keeping the cheapest for each height (in half lines) and
 * pair of corner headline sizes; a candidate is built only when it beats the one it would replace.
 */
class Collector {
  private readonly keep: number;
  private readonly effort: SearchEffort | undefined;
  constructor(keep: number, effort: SearchEffort | undefined) {
    this.keep = keep;
    this.effort = effort;
  }
  private readonly best = new Map<number, Candidate>();
  private readonly scores = new Map<number, number>();
  /** The KEEP best scores so far, ascending: a candidate no better than the last can never be kept. */
  private readonly top: number[] = [];
  private key = 0;
  private score = 0;
  get size() {
    return this.best.size;
  }
  /** No candidate costing at least this can be kept (branch and bound). */
  get bound(): number {
    return this.top.length < this.keep ? Infinity : this.top[this.keep - 1]!;
  }
  /** True when a candidate of this height, cost and corners would be kept (then `put` it). */
  wants(height: number, cost: number, maxArea: number, leadArea: number, topLeft: number, topRight: number): boolean {
    if (this.effort) this.effort.offered++;
    this.score = rank(cost, maxArea, leadArea);
    if (this.score >= this.bound) return false;
    this.key = (Math.round(height / (BODY_LEADING / 2)) * 8 + topLeft + 1) * 8 + topRight + 1;
    const held = this.scores.get(this.key);
    return held === undefined || this.score < held;
  }
  /** Keeps the candidate `wants` was last asked about. */
  put(candidate: Candidate) {
    if (this.effort) this.effort.kept++;
    const held = this.scores.get(this.key);
    if (held !== undefined) this.top.splice(this.top.indexOf(held), 1);
    this.scores.set(this.key, this.score);
    this.best.set(this.key, candidate);
    let at = this.top.length;
    while (at > 0 && this.top[at - 1]! > this.score) at--;
    this.top.splice(at, 0, this.score);
    if (this.top.length > this.keep) this.top.length = this.keep;
  }
  kept(): Candidate[] {
    return [...this.best.values()].sort((a, b) => score(a) - score(b) || a.height - b.height).slice(0, this.keep);
  }
}

/** Offers `left` and `right` side by side, `left` first in reading order. */
function offerAcross(into: Collector, left: Candidate, right: Candidate, leftSpan: number, span: number, options: SearchOptions): boolean {
  // The two headlines at the cut's top stand side by side at one height: never the same size.
  if (left.topRight === right.topLeft) return false;
  const leftShort = left.height < right.height;
  const short = leftShort ? left : right;
  const long = leftShort ? right : left;
  const height = long.height;
  const stretch = height - short.height;
  const shortWidth = spanWidth(leftShort ? leftSpan : span - leftSpan);
  const stretched = short.worst + stretch / short.absorb;
  const over = Math.max(0, stretched - options.maxBlankBelow) - Math.max(0, short.worst - options.maxBlankBelow);
  // The stretch is blank; a block left with too much of it below its text costs far more.
  const cost = left.cost + right.cost + shortWidth * (stretch + OVER_BLANK * over);
  const maxArea = Math.max(left.maxArea, right.maxArea);
  // The lead is the band's first article, so it is always in the first part (left, or top).
  const leadArea = left.leadArea;
  const topRight = right.topRight;
  if (!into.wants(height, cost, maxArea, leadArea, left.topLeft, topRight)) return true;
  into.put({
    height,
    cost,
    worst: Math.max(long.worst, stretched),
    absorb: Math.min(left.absorb, right.absorb),
    maxArea,
    leadArea,
    topLeft: left.topLeft,
    topRight,
    parts: { kind: 'across', span, a: left, b: right },
  });
  return true;
}

/** Offers `top` over `bottom`. */
function offerDown(into: Collector, top: Candidate, bottom: Candidate, span: number, options: SearchOptions) {
  const height = top.height + options.gap + bottom.height;
  const cost = top.cost + bottom.cost;
  const maxArea = Math.max(top.maxArea, bottom.maxArea);
  const leadArea = top.leadArea;
  if (!into.wants(height, cost, maxArea, leadArea, top.topLeft, top.topRight)) return;
  into.put({
    height,
    cost,
    worst: Math.max(top.worst, bottom.worst),
    absorb: top.absorb + bottom.absorb,
    maxArea,
    leadArea,
    topLeft: top.topLeft,
    topRight: top.topRight,
    parts: { kind: 'down', span, a: top, b: bottom },
  });
}

/** The partition a candidate stands for. */
export function partitionOf(c: Candidate): PartitionNode {
  const p = c.parts;
  if (p.kind === 'block') return { kind: 'block', index: p.index, variant: p.variant };
  if (p.kind === 'padded') return { kind: 'across', span: p.span, children: [partitionOf(p.a), { kind: 'empty', span: p.span - p.leftSpan }] };
  return { kind: p.kind, span: p.span, children: [partitionOf(p.a), partitionOf(p.b)] };
}

/**
 * Candidate partitions of `items` across `columns`, best first. Every article gets a block;
 * when fixed spans cannot tile the width, the rest of the width is left empty (and costly).
 */
export function searchPartitions(items: SearchItem[], columns: number, options: SearchOptions): Candidate[] {
  const n = items.length;
  const memo = new Map<number, Candidate[]>();
  const solve = (i: number, j: number, w: number): Candidate[] => {
    const key = (i * (n + 1) + j) * (columns + 1) + w;
    const held = memo.get(key);
    if (held) return held;
    // The whole band keeps more: the page's rules are checked on them once geometry is known.
    const into = new Collector(i === 0 && j === n && w === columns ? ROOT_KEEP : KEEP, options.effort);
    // The limit is for strips: the page's whole width holds every article it is given (a
    // tabloid page of 11 briefs had no partition at all, and its make-up failed).
    if (w < columns && j - i > maxItems(w)) {
      memo.set(key, []);
      return [];
    }
    if (j === i + 1) {
      for (const v of items[i]!.variants(w)) {
        const c = leaf(v, i, items[i]!.lead, columns);
        if (into.wants(c.height, c.cost, c.maxArea, c.leadArea, c.topLeft, c.topRight)) into.put(c);
      }
    } else {
      for (let k = i + 1; k < j; k++) {
        const tops = solve(i, k, w);
        const bottoms = solve(k, j, w);
        // Lists are cheapest first: once a pair costs more than the bound, the rest do too.
        for (const t of tops) {
          if (bottoms.length === 0 || t.cost + bottoms[0]!.cost >= into.bound) break;
          for (const b of bottoms) {
            if (t.cost + b.cost >= into.bound) break;
            offerDown(into, t, b, w, options);
          }
        }
        for (let w1 = 1; w1 < w; w1++) {
          const lefts = solve(i, k, w1);
          if (lefts.length === 0) continue;
          const rights = solve(k, j, w - w1);
          // Side-by-side parts far apart in height only make blank: pair the close ones, or
          // failing any, every pair.
          let paired = false;
          for (let pass = 0; pass < 2 && !paired; pass++) {
            for (const l of lefts) {
              if (rights.length === 0 || l.cost + rights[0]!.cost >= into.bound) break;
              for (const r of rights) {
                if (l.cost + r.cost >= into.bound) break;
                if (pass === 0 && Math.abs(l.height - r.height) > MISMATCH) continue;
                if (offerAcross(into, l, r, w1, w, options)) paired = true;
              }
            }
          }
        }
      }
    }
    if (into.size === 0) {
      for (let w1 = w - 1; w1 >= 1 && into.size === 0; w1--) {
        for (const c of solve(i, j, w1)) {
          const cost = c.cost + EMPTY * spanWidth(w - w1) * c.height;
          if (into.wants(c.height, cost, c.maxArea, c.leadArea, c.topLeft, c.topRight)) into.put({ ...c, cost, parts: { kind: 'padded', span: w, leftSpan: w1, a: c } });
        }
      }
    }
    const kept = into.kept();
    memo.set(key, kept);
    return kept;
  };
  return solve(0, n, columns);
}
