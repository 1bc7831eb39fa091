/**
 * Heights of an article block, in em of page body text, for a given width: what the page
 * make-up compares to choose shapes, worked out the way Chromium sets the block (page.css):
 * lines broken as the browser breaks them (line-breaks.ts), display text by phrases, the body
 * in balanced columns filled one after the other (column-fill.ts), every margin as the style
 * sheet gives it. tests/browser-makeup.test.ts holds the result within two lines of Chromium.
 */
import { phrases } from '../typeset/phrases.ts';
import type { ColumnFill, FlowPart } from './column-fill.ts';
import { COLUMN_LEVEL, levelColumns } from './column-white.ts';
import { countLines } from './line-breaks.ts';
import {
  APPARATUS_LEADING,
  BODY_LEADING,
  CAPTION_LEADING,
  CAPTION_SIZE,
  COLUMN_CHARS,
  COLUMN_SLACK,
  DECK_SIZE,
  FIGURE_ASPECT,
  GUTTER,
  HEADLINE_LEADING,
  HEADLINE_STEPS,
  INDENT,
  KICKER_SIZE,
  SECTION_HEAD,
  SPACE,
  spanWidth,
  type HeadlineStep,
} from './metrics.ts';

/** The body as set, in order: section heads (as phrases) and paragraphs (their lines in one basic column). */
export type BodyPart = { head: string[] } | { lines: number };

/** What the estimate needs to know of an article. */
export interface BlockContent {
  /** The headline's printed lines. */
  headline: string[];
  kicker?: string;
  deck?: string;
  lead?: string;
  /** Printed lines of the byline. */
  bylineLines: number;
  /** Length of each body paragraph, in characters. */
  paragraphs: number[];
  /** Number of section heads (小标题). */
  sectionHeads: number;
  /** Length of each figure's caption (with its credit), in characters. */
  captions: number[];
  /**
   * How many of the figures have an image file. The estimate sets every figure as a 4:3 frame
   * (`FIGURE_ASPECT`), which is exact for a frame without a photo and only a guess for a photo,
   * shown at its own proportions.
   */
  imageFigures?: number;
  /**
   * The body and captions as set (block-input.ts fills it from the article's text). Without
   * it, paragraphs are taken as plain Han text of their lengths and the heads as one line each.
   */
  set?: { body: BodyPart[]; captions: string[][] };
}

/** Width of one basic column, in em: the measure of the body text. */
const COLUMN = COLUMN_CHARS + COLUMN_SLACK;
/** 1 px of a rule or frame, in em of body text at the narrowest wide layout (about 14 px). */
const PX = 0.07;

/**
 * A short body spread over many columns leaves one or two lines in each, which reads as
 * broken; every text column gets at least this many lines, and the rest of the block's
 * columns stay empty (white space, as a paper leaves it).
 */
export const MIN_COLUMN_LINES = 3;
/** Balanced columns may end at most this far apart (issue 12: level within one line). */
const LEVEL = COLUMN_LEVEL.level * BODY_LEADING;
/** …or this far, where level columns would leave one of the block's columns empty. */
const NEAR_LEVEL = COLUMN_LEVEL.most * BODY_LEADING;

const phraseCache = new Map<string, string[]>();
function phrased(text: string): string[] {
  let held = phraseCache.get(text);
  if (!held) {
    held = phrases(text);
    phraseCache.set(text, held);
  }
  return held;
}

/** Lines of phrase-set display text at `measure` em of its own size. */
const displayLines = (text: string, measure: number) => countLines(text, measure, { phrases: phrased(text), bold: true });

/** Lines one printed line of a headline takes across `span` columns at `step`, broken between phrases. */
export const headlineLines = (line: string, span: number, step: HeadlineStep): number => displayLines(line, spanWidth(span) / HEADLINE_STEPS[step]);

/** Height of the headline stack across `span` columns, with the space under it. */
export function stackHeight(content: BlockContent, span: number, step: HeadlineStep, isLead: boolean): number {
  const width = spanWidth(span);
  const size = HEADLINE_STEPS[step];
  const headline = content.headline.reduce((n, line) => n + displayLines(line, width / size), 0) * size * HEADLINE_LEADING;
  const kicker = content.kicker ? displayLines(content.kicker, width / KICKER_SIZE) * KICKER_SIZE * APPARATUS_LEADING : 0;
  const deck = content.deck ? SPACE.xs * DECK_SIZE + displayLines(content.deck, width / DECK_SIZE) * DECK_SIZE * APPARATUS_LEADING : 0;
  return kicker + headline + deck + (isLead ? SPACE.m : SPACE.s);
}

/** Height of a figure `width` em wide: frame, caption, the space under it. */
export function figureHeight(caption: string[], width: number): number {
  const measure = width / CAPTION_SIZE;
  const lines = countLines(caption.join(''), measure, { phrases: caption });
  return width * FIGURE_ASPECT + CAPTION_SIZE * (SPACE.xs + lines * CAPTION_LEADING) + SPACE.s;
}

const plainSets = new WeakMap<BlockContent, NonNullable<BlockContent['set']>>();

/**
 * The body and captions as set, or as plain text of the given lengths when they are not known
 * (kept per block: the placement asks for every candidate span, and setting the plain text
 * again each time was most of the make-up's time on such blocks).
 */
function setOf(content: BlockContent): NonNullable<BlockContent['set']> {
  if (content.set) return content.set;
  const known = plainSets.get(content);
  if (known) return known;
  const body: BodyPart[] = content.paragraphs.map((length) => ({ lines: countLines('字'.repeat(length), COLUMN, { indent: INDENT }) }));
  const every = Math.max(1, Math.ceil(body.length / (content.sectionHeads + 1)));
  for (let h = content.sectionHeads; h >= 1; h--) body.splice(Math.min(body.length, h * every), 0, { head: ['小标题'] });
  const set = { body, captions: content.captions.map((length) => Array.from('字'.repeat(length))) };
  plainSets.set(content, set);
  return set;
}

const sectionHead = (head: string[]): FlowPart => ({
  kind: 'box',
  height: countLines(head.join(''), COLUMN / SECTION_HEAD.size, { phrases: head, bold: true }) * SECTION_HEAD.size * APPARATUS_LEADING,
  marginTop: SECTION_HEAD.before * SECTION_HEAD.size,
  marginBottom: SECTION_HEAD.after * SECTION_HEAD.size,
  keepWithNext: true,
});

/**
 * The CSS `margin-top` that puts `white[i]` em of white above body part `i`, in the part's own
 * em (a section head is set larger than the body), or undefined for a part with none: the
 * white on top of the margin the part and the one before it collapse to (CSS 2 §8.3.1). The
 * first part follows the byline, lead or figures, each with `SPACE.s` under it.
 */
export function whiteMargins(white: readonly number[], heads: readonly boolean[]): (number | undefined)[] {
  return heads.map((head, i) => {
    const w = white[i] ?? 0;
    if (w <= 0) return undefined;
    const own = head ? SECTION_HEAD.before * SECTION_HEAD.size : 0;
    const collapsed = Math.max(i === 0 ? SPACE.s : 0, own);
    return (collapsed + w) / (head ? SECTION_HEAD.size : 1);
  });
}

/** The flow of the body columns: byline, then (with no side column) lead and figures, then the body. */
function flowOf(content: BlockContent, withSide: boolean): FlowPart[] {
  const set = setOf(content);
  const flow: FlowPart[] = [];
  if (content.bylineLines > 0) flow.push({ kind: 'lines', lines: content.bylineLines, lineHeight: BODY_LEADING, marginBottom: SPACE.s });
  if (!withSide) {
    if (content.lead) flow.push({ kind: 'lines', lines: countLines(content.lead, COLUMN, { indent: INDENT, bold: true }), lineHeight: BODY_LEADING, marginBottom: SPACE.s });
    for (const caption of set.captions) flow.push({ kind: 'box', height: figureHeight(caption, COLUMN) - SPACE.s, marginBottom: SPACE.s });
  }
  for (const part of set.body) flow.push('head' in part ? sectionHead(part.head) : { kind: 'lines', lines: part.lines, lineHeight: BODY_LEADING });
  return flow;
}

/** Height of the side column `side` basic columns wide: the boxed lead, then the figures. */
function sideHeight(content: BlockContent, side: number): number {
  const width = spanWidth(side);
  let height = 0;
  if (content.lead) {
    const measure = width - 2 * SPACE.s - 2 * PX;
    height += countLines(content.lead, measure, { indent: INDENT, bold: true }) * BODY_LEADING + 2 * SPACE.s + 2 * PX + SPACE.s;
  }
  for (const caption of setOf(content).captions) height += figureHeight(caption, width);
  return height;
}

export interface BodyLayout {
  /** Columns the body flows in. */
  columns: number;
  /** Height of the block's text area: the taller of the body columns and the side column. */
  height: number;
  sideHeight: number;
  /** Blank inside the body columns, in em²: below each column's end, down to the text area's foot, and the white spread inside the text. */
  shortfall: number;
  /** White added above each part of the body (`BlockContent.set.body`, in order), in em: the columns' shortfall spread inside the text (column-white.ts). */
  white: number[];
}

const bodyCache = new WeakMap<BlockContent, Map<string, BodyLayout>>();

const spreadOf = (fill: ColumnFill) => Math.max(...fill.bottoms) - Math.min(...fill.bottoms);

/** Blank in the body's share of the block, in em²: empty columns, short column ends, white inside the text. */
function blankOf(body: { columns: number; fill: ColumnFill; white: number[] }, columns: number, beside: number): number {
  const height = Math.max(body.fill.height, beside);
  const ends = body.fill.bottoms.reduce((n, bottom) => n + (height - bottom) * COLUMN, 0);
  return ends + body.white.reduce((n, w) => n + w * COLUMN, 0) + (columns - body.columns) * (COLUMN_CHARS + GUTTER) * height;
}

/**
 * The text area of a block `span` columns wide with `side` of them holding the lead and the
 * figures (0: everything in the flow): the most body columns whose ends stay level within a
 * line, with white spread inside the text where the line count does not suit the columns,
 * each column holding at least three lines.
 */
export function layoutBody(content: BlockContent, span: number, side: number): BodyLayout {
  let cache = bodyCache.get(content);
  if (!cache) bodyCache.set(content, (cache = new Map()));
  const key = `${span}:${side}`;
  const held = cache.get(key);
  if (held) return held;
  const flow = flowOf(content, side > 0);
  const body = setOf(content).body;
  const first = flow.length - body.length;
  // White may go above a section head or a paragraph that follows a paragraph or opens the
  // body under the byline, lead or figures; never between a head and its text.
  const open = body.flatMap((_, i) => ((i === 0 ? first > 0 : 'lines' in body[i - 1]!) ? [first + i] : []));
  const beside = side > 0 ? sideHeight(content, side) : 0;
  // The most columns that end level. When those leave a column of the block empty, more
  // columns ending within `COLUMN_LEVEL.most` lines of each other win if they leave less
  // blank: a column a line short is a lesser fault than an empty one.
  let best: { columns: number; fill: ColumnFill; white: number[] } | undefined;
  const near: { columns: number; fill: ColumnFill; white: number[] }[] = [];
  // One column always ends level, so the loop ends there at the latest.
  for (let columns = span - side; !best; columns--) {
    const fill = levelColumns(flow, columns, LEVEL, open, BODY_LEADING);
    if (fill.fill.height < MIN_COLUMN_LINES * BODY_LEADING - 1e-6 && columns > 1) continue;
    if (fill.level || columns === 1) best = { columns, ...fill };
    else if (spreadOf(fill.fill) <= NEAR_LEVEL + 1e-6) near.push({ columns, ...fill });
  }
  for (const other of near) if (blankOf(other, span - side, beside) < blankOf(best!, span - side, beside) - 1e-6) best = other;
  const height = Math.max(best!.fill.height, beside);
  const white = best!.white.slice(first);
  const shortfall = blankOf(best!, best!.columns, beside);
  const result = { columns: best!.columns, height, sideHeight: beside, shortfall, white };
  cache.set(key, result);
  return result;
}

/** Height of the block's text area with a side column `side` basic columns wide. */
export function bodyHeight(content: BlockContent, span: number, side: number): number {
  return layoutBody(content, span, side).height;
}

/** The side-column width (0 for none) that makes the block shortest, and that height. */
export function bestSide(content: BlockContent, span: number): { side: number; height: number } {
  let best = { side: 0, height: bodyHeight(content, span, 0) };
  if (!content.lead && content.captions.length === 0) return best;
  for (let side = 2; span - side >= 2; side++) {
    const height = bodyHeight(content, span, side);
    if (height < best.height - 0.01) best = { side, height };
  }
  return best;
}
