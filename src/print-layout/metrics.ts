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
/** `--np-apparatus-leading`: kicker, deck and section heads. */
export const APPARATUS_LEADING = 1.4;
/** `--np-caption-leading`. */
export const CAPTION_LEADING = 1.5;
/** `--np-section-head-size`, and the space above and below a section head (`--np-section-before`, `--np-section-after`, in its own ems). */
export const SECTION_HEAD = { size: 1.15, before: 0.4, after: 0.3 } as const;
/** `--np-indent`: first-line indent of body paragraphs and leads. */
export const INDENT = 2;
/** `--np-space-xs`, `--np-space-s`, `--np-space-m`: the spaces inside a block (page.css). */
export const SPACE = { xs: 0.25, s: 0.5, m: 1 } as const;
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

/** Lines a paragraph of `length` characters takes across `span` columns at `size` em. */
export function linesOf(length: number, span: number, size = 1): number {
  return length === 0 ? 0 : Math.ceil(length / charsPerLine(span, size));
}
