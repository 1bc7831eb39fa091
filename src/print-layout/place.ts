/**
 * Page make-up (组版): places a page's article blocks on its column grid (基本栏 merged into
 * 变栏) so that the blocks tile the page like a printed one, with no holes.
 *
 * Each article is offered in every shape its content allows (variants.ts: span × headline size,
 * height estimated from its text); a guillotine search (partition.ts) cuts the page into
 * rectangles, one per article, keeping reading order (the first articles top left) and
 * choosing the shapes whose heights match, so side-by-side blocks end level. Rules kept:
 * - the lead (the first article) is at the top left and its block the largest: no block is
 *   wider, and none has more area unless the lead runs across the whole page (通栏);
 * - two headlines side by side at one height are never the same size (撞题, bumping heads);
 * - short items end up stacked in narrow strips, since that is where they fit without blank;
 * - the page fills its sheet (sheet.ts) when its content nearly does, and is shorter, never
 *   padded, when its content falls well short; content that does not fit still shows whole,
 *   and fit-report.ts says by how much it is over.
 * Front-matter overrides win: `columns` fixes a block's span, `row` puts it in that band of the
 * page (bands are laid out one under the other, each searched on its own, and a page of bands is
 * as tall as they are: it is never stretched to its sheet, nor judged against it).
 * `direction: 'rtl'` mirrors the page, for papers that read the blocks right to left.
 */
import type { BlockContent } from './estimate.ts';
import { BODY_LEADING, GRID_COLUMNS, spanWidth, type HeadlineStep, type PageFormat } from './metrics.ts';
import { partitionOf, searchPartitions, type Candidate, type PartitionNode, type SearchItem } from './partition.ts';
import { sheetBlockHeightEm } from './sheet.ts';
import { FILL_PER_BLOCK, fillsSheet, tryOrder } from './sheet-fill.ts';
import { variantsAt } from './variants.ts';

export interface BlockInput extends BlockContent {
  /** Identifies the block in the output (the article's slug). */
  id: string;
  /** Front-matter overrides: columns spanned, band of the page (1 for the top). */
  placement?: { columns?: number; row?: number };
}

export type Direction = 'ltr' | 'rtl';

export interface LayoutOptions {
  /** The page format: its grid of basic columns and its sheet (default broadsheet). */
  format?: PageFormat;
  /** Reading direction of the blocks across the page (default left to right). */
  direction?: Direction;
  /** A front page: the masthead takes more of the sheet than a page header. */
  front?: boolean;
}

export interface PlacedBlock {
  id: string;
  /** First basic column, from 1 (from the left, whatever the direction). */
  column: number;
  /** Basic columns spanned. */
  span: number;
  /** Top of the block's rectangle, in em from the top of the page's block area. */
  top: number;
  /** Height of the block's rectangle, in em (its content plus any stretch). */
  height: number;
  /** Estimated height of the block's content, in em. */
  content: number;
  /** White added around the headline stack, in em (half above, half below): part of the stretch, never more than `LAYOUT.headSpace`. */
  headSpace: number;
  /** Columns of the block given to the lead and figures beside the body (0: all in the flow). */
  side: number;
  /** Columns the body flows in, after the side column. */
  bodyColumns: number;
  /** White above each part of the body (section heads and paragraphs, in order), in em: what levels the body's columns (column-white.ts). */
  white: number[];
  /** The headline's size step. */
  headline: HeadlineStep;
  /** True for the page's lead article (the first). */
  lead: boolean;
  /** The band of the page the block is in, from 1 (one band unless `row` overrides make more). */
  band: number;
}

/** A rectangle of the page: a block, an empty region, or a cut into side-by-side or stacked parts. */
export interface LayoutBox {
  kind: 'block' | 'empty' | 'across' | 'down';
  column: number;
  span: number;
  top: number;
  height: number;
  /** The block's article, for `kind: 'block'`. */
  id?: string;
  /** The parts, in reading order, for `across` and `down`. */
  children?: LayoutBox[];
}

export interface PageLayout {
  columns: number;
  direction: Direction;
  /** Every block, in reading order. */
  blocks: PlacedBlock[];
  /** The partition of the page, for rendering: bands stacked down the page. */
  root: LayoutBox;
  /** Height of the page's block area as laid out, in em. */
  height: number;
  /** Height the blocks' content needs, before filling the sheet, in em. */
  contentHeight: number;
  /** Height of the sheet's block area at the designed type size, in em. */
  sheetHeight: number;
  /** True when the blocks were stretched to fill the sheet. */
  filled: boolean;
}

/** Layout constants mirrored from page.css (tests/print-layout.test.ts keeps them in step). */
export const LAYOUT = {
  /** Between two stacked blocks: `--np-space-m` above the rule and below it, plus the 1 px rule. */
  gap: 2.08,
  /** The most blank a block may keep below its text: three lines (issue 12), less a margin for the estimate. */
  maxBlankBelow: 2.5 * BODY_LEADING,
  /**
   * The most white a stretched block adds around its headline stack, half above and half
   * below: a make-up editor opens up a head (题区留白) before leaving a hole under the text.
   */
  headSpace: 2 * BODY_LEADING,
  /** Kept back from the head space, so a block whose text runs a little longer than estimated still fits. */
  headSpaceMargin: 0.25 * BODY_LEADING,
  /** A page whose content falls short of the sheet by at most this many em per stacked block is stretched to fill it (sheet-fill.ts). */
  fillPerBlock: FILL_PER_BLOCK,
} as const;

const LEAD_MARGIN = 0.95;
const BUMP_MARGIN = 2 * BODY_LEADING;

const clampSpan = (span: number, columns: number) => Math.min(columns, Math.max(1, span));

/** Bands of the page: one, unless `row` overrides ask for more (see the module comment). */
function bands(blocks: BlockInput[]): number[][] {
  const rows = blocks.map((b) => b.placement?.row);
  const last = Math.max(...rows.map((r) => r ?? 0));
  const byBand = new Map<number, number[]>();
  rows.forEach((row, i) => {
    // Unplaced articles: the lead opens the page; the rest follow the last band asked for.
    const band = row ?? (i === 0 ? 1 : last + 1);
    byBand.set(band, [...(byBand.get(band) ?? []), i]);
  });
  return [...byBand.keys()].sort((a, b) => a - b).map((band) => byBand.get(band)!);
}

function flatten(node: PartitionNode): PartitionNode {
  if (node.kind === 'block' || node.kind === 'empty') return node;
  const children = node.children.map(flatten).flatMap((c) => (c.kind === node.kind ? (c as typeof node).children : [c]));
  return { ...node, children };
}

const naturalHeight = (node: PartitionNode, gap: number): number => {
  if (node.kind === 'block') return node.variant.height;
  if (node.kind === 'empty') return 0;
  const heights = node.children.map((c) => naturalHeight(c, gap));
  return node.kind === 'across' ? Math.max(...heights) : heights.reduce((a, b) => a + b, 0) + gap * (heights.length - 1);
};

/** Works out every rectangle as the browser will: side-by-side parts stretch level, stacked parts share a stretch equally. */
function geometry(node: PartitionNode, column: number, top: number, height: number, gap: number, out: Map<number, { column: number; top: number; height: number; node: PartitionNode & { kind: 'block' } }>): LayoutBox {
  if (node.kind === 'block') {
    out.set(node.index, { column, top, height, node });
    return { kind: 'block', column, span: node.variant.span, top, height };
  }
  if (node.kind === 'empty') return { kind: 'empty', column, span: node.span, top, height };
  const children: LayoutBox[] = [];
  if (node.kind === 'across') {
    let c = column;
    for (const child of node.children) {
      children.push(geometry(child, c, top, height, gap, out));
      c += child.kind === 'block' ? child.variant.span : child.span;
    }
  } else {
    const extra = (height - naturalHeight(node, gap)) / node.children.length;
    let t = top;
    for (const child of node.children) {
      const h = naturalHeight(child, gap) + extra;
      children.push(geometry(child, column, t, h, gap, out));
      t += h + gap;
    }
  }
  return { kind: node.kind, column, span: node.span, top, height, children };
}

/**
 * Pairs of side-by-side blocks whose headlines stand at one height (tops less than `within` em
 * apart, one line by default) in the same size (撞题).
 */
export function bumpingHeadlines(blocks: PlacedBlock[], within = BODY_LEADING): [string, string][] {
  const out: [string, string][] = [];
  for (const a of blocks) {
    for (const b of blocks) {
      if (a.column + a.span !== b.column) continue;
      // The headline stands below the block's top by half its head space (PageBlock.astro).
      if (a.headline !== b.headline || Math.abs(a.top + a.headSpace / 2 - (b.top + b.headSpace / 2)) >= within) continue;
      out.push([a.id, b.id]);
    }
  }
  return out;
}

interface Band {
  candidates: Candidate[];
  indices: number[];
}

/** Places `blocks` (in reading order; the first is the page's lead) on the page. */
export function layoutPage(blocks: BlockInput[], options: LayoutOptions = {}): PageLayout {
  const format = options.format ?? 'broadsheet';
  const direction = options.direction ?? 'ltr';
  const columns = GRID_COLUMNS[format];
  const sheetHeight = sheetBlockHeightEm(format, options.front);
  const gap = LAYOUT.gap;
  // The search keeps each block's stretch within three lines as if it all stayed under the
  // text; the head space then takes up to two of them, so the text reaches nearer the foot.
  const search = { gap, maxBlankBelow: LAYOUT.maxBlankBelow };
  if (blocks.length === 0) {
    return { columns, direction, blocks: [], root: { kind: 'empty', column: 1, span: columns, top: 0, height: 0 }, height: 0, contentHeight: 0, sheetHeight, filled: false };
  }

  const searched: Band[] = bands(blocks).map((indices) => {
    const items: SearchItem[] = indices.map((i) => {
      const block = blocks[i]!;
      const fixed = block.placement?.columns === undefined ? undefined : clampSpan(block.placement.columns, columns);
      const cache = new Map<number, ReturnType<typeof variantsAt>>();
      return {
        lead: i === 0,
        variants: (span) => {
          if (fixed !== undefined && span !== fixed) return [];
          // The lead (头条) spans at least half the page, unless its front matter says otherwise.
          if (fixed === undefined && i === 0 && span * 2 < columns) return [];
          if (!cache.has(span)) cache.set(span, variantsAt(block, span, columns, i === 0, fixed !== undefined || span === columns));
          return cache.get(span)!;
        },
      };
    });
    return { indices, candidates: searchPartitions(items, columns, search) };
  });

  // Filled by index, band by band.
  const placed: PlacedBlock[] = [];
  const boxes: LayoutBox[] = [];
  let top = 0;
  let contentHeight = 0;
  let absorb = 0;
  const chosen = searched.map(({ indices, candidates }) => {
    // The first candidate, in the order tried, that keeps the page's rules once its geometry is known.
    const single = searched.length === 1;
    const ranked = tryOrder(candidates, single ? sheetHeight : undefined, spanWidth(columns));
    let pick: { candidate: Candidate; node: PartitionNode } | undefined;
    for (const candidate of ranked) {
      const node = flatten(partitionOf(candidate));
      // Checked as it will be laid out: stretched to the sheet if it nearly fills it.
      const natural = naturalHeight(node, gap);
      const fills = single && fillsSheet(natural, candidate.absorb, sheetHeight);
      const trial = blocksOf(node, fills ? sheetHeight : natural, indices, blocks, columns, direction, gap);
      const lead = trial.find((p) => p.lead);
      // Margins for the estimate: the lead a twentieth larger than any other block, and
      // headlines of one size at least two lines apart.
      const leadOk = !lead || trial.every((p) => p.lead || (p.span <= lead.span && (lead.span === columns || p.span * p.height <= LEAD_MARGIN * lead.span * lead.height)));
      if (leadOk && bumpingHeadlines(trial, BUMP_MARGIN).length === 0) {
        pick = { candidate, node };
        break;
      }
      pick ??= { candidate, node };
    }
    absorb += pick!.candidate.absorb;
    contentHeight += naturalHeight(pick!.node, gap);
    return pick!;
  });
  contentHeight += gap * (searched.length - 1);

  // Fill the sheet when the content nearly does; otherwise keep the page as short as its content.
  const filled = searched.length === 1 && fillsSheet(contentHeight, absorb, sheetHeight);
  searched.forEach(({ indices }, b) => {
    const node = chosen[b]!.node;
    const height = filled ? sheetHeight : naturalHeight(node, gap);
    const rects = new Map<number, { column: number; top: number; height: number; node: PartitionNode & { kind: 'block' } }>();
    const box = geometry(node, 1, top, height, gap, rects);
    boxes.push(mirror(name(box, node, indices, blocks), columns, direction));
    toPlaced(rects, indices, blocks, b + 1, columns, direction).forEach((p, k) => (placed[indices[k]!] = p));
    top += height + gap;
  });
  const height = Math.max(0, top - gap);
  const root: LayoutBox = boxes.length === 1 ? boxes[0]! : { kind: 'down', column: 1, span: columns, top: 0, height, children: boxes };
  return { columns, direction, blocks: placed, root, height, contentHeight, sheetHeight, filled };
}

/** A candidate's blocks as they would be placed, for the page's checks (which ask nothing of the band: 0). */
function blocksOf(node: PartitionNode, height: number, indices: number[], blocks: BlockInput[], columns: number, direction: Direction, gap: number): PlacedBlock[] {
  const rects = new Map<number, { column: number; top: number; height: number; node: PartitionNode & { kind: 'block' } }>();
  geometry(node, 1, 0, height, gap, rects);
  return toPlaced(rects, indices, blocks, 0, columns, direction);
}

function toPlaced(rects: Map<number, { column: number; top: number; height: number; node: PartitionNode & { kind: 'block' } }>, indices: number[], blocks: BlockInput[], band: number, columns: number, direction: Direction): PlacedBlock[] {
  // In no particular order: the placed blocks are put back by index, and the lead check asks of every one.
  return [...rects.entries()].map(([k, r]) => {
    const v = r.node.variant;
    const index = indices[k]!;
    const column = direction === 'rtl' ? columns - r.column - v.span + 2 : r.column;
    const headSpace = Math.min(LAYOUT.headSpace, Math.max(0, r.height - v.height - LAYOUT.headSpaceMargin));
    return { id: blocks[index]!.id, column, span: v.span, top: r.top, height: r.height, content: v.height, headSpace, side: v.side, bodyColumns: v.bodyColumns, white: v.white, headline: v.step, lead: index === 0, band };
  });
}

/** Puts the article ids on the block boxes, walking the box tree and the partition together. */
function name(box: LayoutBox, node: PartitionNode, indices: number[], blocks: BlockInput[]): LayoutBox {
  if (node.kind === 'block') return { ...box, id: blocks[indices[node.index]!]!.id };
  if (node.kind === 'empty') return box;
  return { ...box, children: box.children!.map((c, i) => name(c, node.children[i]!, indices, blocks)) };
}

function mirror(box: LayoutBox, columns: number, direction: Direction): LayoutBox {
  if (direction === 'ltr') return box;
  return { ...box, column: columns - box.column - box.span + 2, children: box.children?.map((c) => mirror(c, columns, direction)) };
}
