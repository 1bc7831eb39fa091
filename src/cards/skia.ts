import { createCanvas, GlobalFonts, Image, type Canvas } from '@napi-rs/canvas';
import type { CardFonts } from './fonts.ts';

/**
 * Draws satori's SVG with Skia, through @napi-rs/canvas: Skia's SVG renderer reads the text
 * as positioned `<text>` runs (satori's `embedFont: false`) and draws them from our font
 * files, so satori still does all of the layout and none of it is re-done here. Emoji are
 * satori's `<image>` elements (bundled Twemoji SVGs), which Skia draws too.
 *
 * Fonts: the card fonts are registered with Skia from their bytes, under the family names
 * the templates use (fonts.ts: `Newsprint Card Serif`, `Newsprint Card Sans`). No system font
 * has those names, so what Skia draws with is exactly the files in the cache key (their
 * digest), whatever fonts the machine has installed.
 *
 * Measured per card (2 cores, CPU): parsing and drawing the SVG 5–7 ms; the home-made path it
 * replaces (FreeType masks per run, composited in JS) 17–20 ms, librsvg drawing satori's glyph
 * outlines ~15 ms plus ~6 ms more in satori to emit them.
 */

/** Font digests already registered in this process: Skia keeps registered fonts for its life. */
const registered = new Set<string>();

function register(fonts: CardFonts) {
  if (registered.has(fonts.digest)) return;
  for (const font of fonts.satori) {
    if (!GlobalFonts.register(Buffer.from(font.data as ArrayBuffer), font.name)) {
      throw new Error(`Skia could not read the share-card font for ${font.name}; reinstall the dependencies with \`npm install\`.`);
    }
  }
  registered.add(fonts.digest);
}

/**
 * The one canvas of the process, cleared before each card. drawSvg is synchronous and
 * `canvas.data()` returns a copy, so no card can see another's pixels; a new 3 MB canvas per
 * card only gave the garbage collector more native memory to track (in the profile of a
 * cold 30-issue build, 22 % of the main thread was garbage collection).
 */
let shared: Canvas | undefined;

/** The card's pixels as RGBA (Skia's native order), or undefined if Skia cannot read the SVG. */
export function drawSvg(svg: string, fonts: CardFonts, width: number, height: number): Buffer | undefined {
  register(fonts);
  const image = new Image();
  image.src = Buffer.from(svg);
  if (!image.complete || image.width !== width || image.height !== height) return undefined;
  if (shared?.width !== width || shared.height !== height) shared = createCanvas(width, height);
  const context = shared.getContext('2d');
  context.clearRect(0, 0, width, height);
  context.drawImage(image, 0, 0);
  return shared.data();
}
