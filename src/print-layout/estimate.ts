/**
 * Estimated heights of an article block, in em of page body text, for a given width. The
 * placement algorithm compares these to choose spans; the browser measures the real thing.
 * Estimates lean high (every paragraph's last line counts as full), never low.
 */
import {
  BODY_LEADING,
  CAPTION_SIZE,
  DECK_SIZE,
  FIGURE_ASPECT,
  HEADLINE_LEADING,
  HEADLINE_STEPS,
  KICKER_SIZE,
  SECTION_HEAD_LINES,
  linesOf,
  phraseLinesOf,
  spanWidth,
  type HeadlineStep,
} from './metrics.ts';

/** What the estimate needs to know of an article: lengths, in characters. */
export interface BlockContent {
  /** The headline's printed lines. */
  headline: string[];
  kicker?: string;
  deck?: string;
  lead?: string;
  /** Printed lines of the byline. */
  bylineLines: number;
  /** Length of each body paragraph. */
  paragraphs: number[];
  /** Number of section heads (小标题). */
  sectionHeads: number;
  /** Length of each figure's caption (with its credit). */
  captions: number[];
}

/** Height of the headline stack across `span` columns. */
export function stackHeight(content: BlockContent, span: number, step: HeadlineStep): number {
  const size = HEADLINE_STEPS[step];
  const headlineLines = content.headline.reduce((n, line) => n + phraseLinesOf(Array.from(line).length, span, size), 0);
  const kicker = content.kicker ? phraseLinesOf(content.kicker.length, span, KICKER_SIZE) * KICKER_SIZE * 1.4 : 0;
  const deck = content.deck ? phraseLinesOf(content.deck.length, span, DECK_SIZE) * DECK_SIZE * 1.4 : 0;
  return kicker + headlineLines * size * HEADLINE_LEADING + deck + 1.5;
}

/** Height of one figure set `span` columns wide: frame plus caption. */
export function figureHeight(captionLength: number, span: number): number {
  return spanWidth(span) * FIGURE_ASPECT + linesOf(captionLength, span, CAPTION_SIZE) * CAPTION_SIZE * 1.5 + 1;
}

/**
 * Height of the block's text area when `side` of its `span` columns hold the lead and the
 * figures (a side column) and the rest hold the body; `side` 0 sets everything in the flow.
 */
export function bodyHeight(content: BlockContent, span: number, side: number): number {
  return layoutBody(content, span, side).height;
}

/**
 * A short body spread over many columns leaves one or two lines in each, which reads as
 * broken; every text column gets at least this many lines, and the rest of the block's
 * columns stay empty (white space, as a paper leaves it).
 */
export const MIN_COLUMN_LINES = 3;

/** The text area of a block: how many columns the body flows in and how tall it is. */
export function layoutBody(content: BlockContent, span: number, side: number): { columns: number; height: number; sideHeight: number } {
  let lines = content.paragraphs.reduce((n, p) => n + linesOf(p, 1), 0);
  lines += content.sectionHeads * SECTION_HEAD_LINES + content.bylineLines;
  let sideHeight = 0;
  if (side === 0) {
    if (content.lead) lines += linesOf(content.lead.length, 1) + 1;
    for (const caption of content.captions) lines += figureHeight(caption, 1) / BODY_LEADING;
  } else {
    if (content.lead) sideHeight += linesOf(content.lead.length, side) * BODY_LEADING + 1.5;
    for (const caption of content.captions) sideHeight += figureHeight(caption, side);
  }
  const columns = Math.max(1, Math.min(span - side, Math.floor(lines / MIN_COLUMN_LINES)));
  // Balanced columns end within a line of each other; count the longest.
  const flow = Math.ceil(lines / columns) * BODY_LEADING;
  return { columns, height: Math.max(flow, sideHeight), sideHeight };
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
