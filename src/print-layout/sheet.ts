/**
 * The printed sheet a page is made up for: A3 portrait less the 12 mm margins of `print.css`
 * (`@page { size: A3 portrait; margin: 12mm }`). Page make-up works in lines of body text at
 * the designed type size: a page view is set so a basic column holds `COLUMN_CHARS` characters
 * across the sheet's printable width (src/styles/page.css), so the sheet's height in em follows
 * from its proportions alone; the page header (版眉, or the masthead 报头) and the credit line
 * at the foot take their share, and what is left is the area the article blocks may fill.
 * `npm run pdf` fits pages onto the same sheet in CSS px and the pre-press check
 * (`npm run preflight`) measures pages against it, so all three agree on what "fits" means.
 */
import { BODY_LEADING, GRID_COLUMNS, spanWidth, type PageFormat } from './metrics.ts';

/** The sheet print.css sets: printable area in mm. */
export const SHEET_MM = { width: 297 - 2 * 12, height: 420 - 2 * 12 } as const;

/** CSS px to the mm (CSS fixes 96 px to the inch). */
const PX_PER_MM = 96 / 25.4;

/** The sheet's printable area in CSS px. */
export const SHEET = { width: SHEET_MM.width * PX_PER_MM, height: SHEET_MM.height * PX_PER_MM } as const;

/**
 * A page fits when its content is at most this share of the sheet's height: 1.5 % is left
 * for Chromium's rounding of fractional line boxes at print resolution, so a page that
 * measures as fitting never spills a line onto a second PDF page.
 */
export const SHEET_FIT = 0.985;

/** A page whose content fills less than this share of the sheet is left visibly empty. */
export const SHEET_UNDERSET = 0.8;

/**
 * A page whose articles, set as tight as they go, fill at least this share of the sheet is
 * made up to fill it (place.ts counts the blank at its foot): a third of a page is what a
 * lead set beside its photo, a larger headline or the white of a filled sheet make up. A page
 * shorter than that is short of copy, and is set as short as its content, never padded.
 */
export const SHEET_TO_FILL = 2 / 3;

/**
 * Height in em of what sits above and below the blocks: the page header over its head rule
 * with the space under it, and the credit line over its rule. The masthead of a front page is
 * taller. Measured in Chromium (tests/browser-layout.test.ts keeps these in step).
 */
export const FURNITURE_EM = { inner: 7, front: 11 } as const;

/** Width of the page's text area in em of body text. */
export function sheetWidthEm(format: PageFormat): number {
  return spanWidth(GRID_COLUMNS[format]);
}

/** The sheet's capacity: whole lines of body text from the top of the blocks to the credit line. */
export function sheetLines(format: PageFormat, front = false): number {
  const height = (sheetWidthEm(format) * SHEET_MM.height) / SHEET_MM.width;
  return Math.floor((height - FURNITURE_EM[front ? 'front' : 'inner']) / BODY_LEADING);
}

/** Height in em the article blocks fill on a full sheet: its capacity in whole lines. */
export function sheetBlockHeightEm(format: PageFormat, front = false): number {
  return sheetLines(format, front) * BODY_LEADING;
}
