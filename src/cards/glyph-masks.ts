import sharp from 'sharp';
import { FACES, type FaceName, type FontFiles } from './fonts.ts';

/**
 * Text runs rasterised by Pango/FreeType (sharp's `text` input), as cached coverage masks.
 *
 * Why: librsvg rasterising satori's glyph outlines was ~15 of the ~25 ms CPU per card; FreeType
 * draws the same glyphs from the font file in a fraction of that, and a card's runs (satori
 * emits one per CJK character, one per Latin word) repeat across cards, so each distinct run
 * is drawn once per process and blitted afterwards.
 *
 * libvips crops a text image to its ink, so where the run's origin lies in the image is not
 * known from the image alone. Each run is therefore framed (`framed`) by two transparent full
 * blocks (U+2588, one em wide, drawn at alpha 1/65536 = 0 in 8 bits), one raised and one
 * lowered: the ink box is then the blocks' box, the same for every run of a face and size,
 * with the run's origin and baseline at a column and row found once per face and size by
 * drawing “H” (`calibrate`). A run whose image is taller than the
 * blocks' box reaches beyond them and is refused (`undefined`): the card is then drawn by the
 * slower librsvg path.
 *
 * Uncached runs of one face and size are drawn in one Pango call, one run per line (each line
 * framed alike, so lines are a constant pitch apart): measured ~0.9 ms CPU per run one by one,
 * 0.16 ms (30 px) to 0.39 ms (84 px) batched. The bench's 500 cards have ~3,300 distinct runs.
 *
 * Pango finds the face by family name among the fonts fontconfig knows, with our file added;
 * the family names (Noto Serif SC, Noto Sans SC) are not those of Debian's Noto CJK packages.
 * A system with another font installed under the very same name could draw with that one.
 */

/** A run's coverage (0–255), cropped to its ink, placed relative to its origin on the baseline. */
export interface GlyphMask {
  /** Offset of the mask's top-left pixel from the run's origin (x) and baseline (y). */
  dx: number;
  dy: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

interface Calibration {
  /** Height of a one-line image; every further line adds `pitch`. */
  height: number;
  pitch: number;
  /** The baseline's row in a line's image. */
  baseline: number;
  /** The run's origin's column in a line's image. */
  origin: number;
}

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** How far the framing blocks are raised and lowered, in em: beyond any glyph of the fonts. */
const REACH = 0.25;

/**
 * One framed line of markup: an em-wide block raised by REACH, one lowered by REACH and a
 * transparent 国, all three drawn with a letter spacing of minus one em so they take no room
 * (the run's image is then about as wide as the run: 2.8× fewer pixels than with the blocks
 * side by side), then the run. The 国 gives digits and punctuation (script Common) the Han
 * context they have on the card: without it Pango set some of them a pixel or two higher.
 * Pango's `rise` and `letter_spacing` are in 1/1024 pt (a px at 72 dpi); whole pixels, so the
 * baseline stays on a pixel boundary (crisp horizontal strokes). Smaller blocks (4 px) put the
 * baseline between pixels: 1 px off for a sixth of the runs.
 */
function framed(text: string, size: number): string {
  const rise = Math.round(size * REACH) * 1024;
  const none = -size * 1024;
  const block = (r: number) => `<span alpha="1" rise="${r}" letter_spacing="${none}">█</span>`;
  return `${block(rise)}${block(-rise)}<span alpha="1" letter_spacing="${none}">国</span>${escape(text)}`;
}

/** Pango draws `lines` (one per line) in the face at `size` px: RGBA, cropped to the ink. */
async function draw(lines: string[], face: FaceName, size: number, files: FontFiles) {
  const { family, weight } = FACES[face];
  const markup = `<span font_family="${family}" font_weight="${weight}" font_size="${size * 1024}">${lines.map((l) => framed(l, size)).join('\n')}</span>`;
  return sharp({
    text: { text: markup, font: `${family} ${size}px`, fontfile: files[face], dpi: 72, rgba: true },
  }).raw().toBuffer({ resolveWithObject: true });
}

const calibrations = new Map<string, Promise<Calibration>>();

/** The first and last row, and the first column, with coverage ≥ 50 %. */
function inkOf(data: Buffer, width: number, height: number) {
  let top = -1, bottom = -1, left = width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * 4 + 3]! < 128) continue;
      if (top < 0) top = y;
      bottom = y;
      left = Math.min(left, x);
    }
  }
  return { top, bottom, left };
}

/**
 * Where runs start and sit: “H” framed, and “H” after a plain one-em block (whose image starts
 * at the block's left edge, so the H's origin is one em in). The H's foot is the baseline.
 */
async function calibrate(face: FaceName, size: number, files: FontFiles): Promise<Calibration> {
  const { family, weight } = FACES[face];
  const plain = `<span font_family="${family}" font_weight="${weight}" font_size="${size * 1024}"><span alpha="1">█</span>H</span>`;
  const [one, two, reference] = await Promise.all([
    draw(['H'], face, size, files),
    draw(['H', 'H'], face, size, files),
    sharp({ text: { text: plain, font: `${family} ${size}px`, fontfile: files[face], dpi: 72, rgba: true } }).raw().toBuffer({ resolveWithObject: true }),
  ]);
  const framedH = inkOf(one.data, one.info.width, one.info.height);
  const plainH = inkOf(reference.data, reference.info.width, reference.info.height);
  if (framedH.top < 0 || plainH.top < 0) throw new Error(`Pango drew nothing for “H” in ${face} at ${size}px: is the font file readable?`);
  return {
    height: one.info.height,
    pitch: two.info.height - one.info.height,
    baseline: framedH.bottom + 1,
    origin: framedH.left - (plainH.left - size),
  };
}

/** Crops line `i` of a drawn batch to its ink. */
function cut(data: Buffer, width: number, top: number, cal: Calibration): GlyphMask {
  let x0 = width, x1 = -1, y0 = cal.height, y1 = -1;
  for (let y = 0; y < cal.height; y++) {
    const row = (top + y) * width;
    for (let x = 0; x < width; x++) {
      if (data[(row + x) * 4 + 3]! === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return { dx: 0, dy: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const alpha = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) alpha[y * w + x] = data[((top + y0 + y) * width + x0 + x) * 4 + 3]!;
  }
  return { dx: x0 - cal.origin, dy: y0 - cal.baseline, width: w, height: h, alpha };
}

/** Masks by face, size and text; cleared when it grows past this many (a few KB each). */
const MAX_MASKS = 20_000;
const masks = new Map<string, Promise<GlyphMask | undefined>>();

/** Forgets every drawn run (for tests: a card must come out the same either way). */
export function clearGlyphMasks(): void {
  masks.clear();
}

/**
 * The masks of `runs` (texts in one face and size), drawing the uncached ones in one batch.
 * `undefined` for a run that reaches beyond the blocks' box (then draw the card with librsvg).
 */
export async function glyphMasks(runs: string[], face: FaceName, size: number, files: FontFiles): Promise<(GlyphMask | undefined)[]> {
  const calKey = `${face}\u0000${size}\u0000${JSON.stringify(files)}`;
  let cal = calibrations.get(calKey);
  if (!cal) calibrations.set(calKey, (cal = calibrate(face, size, files)));
  const key = (run: string) => `${calKey}\u0000${run}`;
  const missing = [...new Set(runs.filter((run) => !masks.has(key(run))))];
  if (missing.length > 0) {
    if (masks.size + missing.length > MAX_MASKS) masks.clear();
    const batch = (async () => {
      const c = await cal;
      const { data, info } = await draw(missing, face, size, files);
      if (info.height === c.height + (missing.length - 1) * c.pitch) {
        return missing.map((_, i) => cut(data, info.width, i * c.pitch, c));
      }
      // Some run reaches beyond the blocks: draw each alone to find which.
      return Promise.all(
        missing.map(async (run) => {
          const one = await draw([run], face, size, files);
          return one.info.height === c.height ? cut(one.data, one.info.width, 0, c) : undefined;
        }),
      );
    })();
    missing.forEach((run, i) => masks.set(key(run), batch.then((all) => all[i])));
  }
  return Promise.all(runs.map((run) => masks.get(key(run))!));
}
