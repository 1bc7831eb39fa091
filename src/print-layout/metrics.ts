/**
 * The numbers the placement algorithm estimates with. They mirror the typographic tokens in
 * `src/styles/tokens.css` (the one place where their reasons are written down); the unit
 * test `tests/print-layout.test.ts` reads that file and fails if the two ever disagree.
 * All lengths are in em of the page's body text.
 */

/** Basic columns (基本栏) per page format: 8 on a broadsheet, 6 on a tabloid. */
export const GRID_COLUMNS = { broadsheet: 8, tabloid: 6 } as const;
export type PageFormat = keyof typeof GRID_COLUMNS;

/** `--np-column-chars`: characters per line of one basic column. */
export const COLUMN_CHARS = 10;
/** `--np-gutter`: space between basic columns, where the column rules sit. */
export const GUTTER = 1.5;
/** `--np-page-leading`: line height of page body text. */
export const BODY_LEADING = 1.6;
/** `--np-section-head-size` × its leading plus the space around it, in body lines. */
export const SECTION_HEAD_LINES = 2.2;
/** `--np-caption-size`: captions are set smaller than the body. */
export const CAPTION_SIZE = 0.85;
/** `--np-kicker-size` and `--np-deck-size`. */
export const KICKER_SIZE = 1.3;
export const DECK_SIZE = 1.5;
/** Headline sizes, largest first: `--np-headline-xl` … `--np-headline-s`. */
export const HEADLINE_STEPS = { xl: 4, l: 3.2, m: 2.4, s: 1.8 } as const;
export type HeadlineStep = keyof typeof HEADLINE_STEPS;
/** `--np-headline-leading`. */
export const HEADLINE_LEADING = 1.25;
/** A figure frame is 4:3 landscape, the common news photo shape. */
export const FIGURE_ASPECT = 3 / 4;

/**
 * Slack per basic column the page's type size formula adds (page.css: `--np-column-chars + 0.1`)
 * so rounding never pushes a character to the next line: a basic column is 10.1 em wide.
 */
export const COLUMN_SLACK = 0.1;

/** Width in em of `span` basic columns and the gutters between them. */
export function spanWidth(span: number): number {
  return span * (COLUMN_CHARS + COLUMN_SLACK) + (span - 1) * GUTTER;
}

/** Characters per line of text set across `span` basic columns at `size` em. */
export function charsPerLine(span: number, size = 1): number {
  return Math.max(1, Math.floor(spanWidth(span) / size));
}

/**
 * Lines a phrase-set line of display text (headline, kicker, deck) takes. It breaks only
 * between phrases (src/typeset/phrases.ts), so on a narrow measure every line after the
 * first ends on average a character short; text that fits one line takes one.
 */
export function phraseLinesOf(length: number, span: number, size: number): number {
  const chars = charsPerLine(span, size);
  if (length === 0) return 0;
  if (length <= chars) return 1;
  return 1 + Math.ceil((length - chars) / Math.max(1, chars < 10 ? chars - 1 : chars));
}

/** Lines a paragraph of `length` characters takes across `span` columns at `size` em. */
export function linesOf(length: number, span: number, size = 1): number {
  return length === 0 ? 0 : Math.ceil(length / charsPerLine(span, size));
}
