import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, colors } from './design.ts';
import { hexRgb, snapPalette } from './exact-colours.ts';
import { emojiDataUri } from './emoji.ts';
import type { CardFonts } from './fonts.ts';
import { drawSvg } from './skia.ts';
import type { CardLayout, LayoutContext } from './compose.ts';
import { articleCard } from './card-article.ts';
import { pageCard } from './card-page.ts';
import type { CardInput } from './inputs.ts';

/**
 * Rendering: layout (our own line breaking) → satori (layout; SVG with text as positioned
 * `<text>` runs, `embedFont: false`) → Skia (skia.ts: draws that SVG from our font files) →
 * sharp (PNG, on libuv's thread pool, so the pipeline keeps a few cards in flight). If Skia
 * cannot read a card's SVG, the card falls back to satori with glyph outlines → librsvg, the
 * path a test compares Skia with pixel by pixel. @resvg/resvg-js is not used: it leaks ~3 MB
 * per render.
 */

/** Which rasteriser drew a card: Skia normally, librsvg (glyph outlines) as the fallback. */
export type RenderPath = 'skia' | 'librsvg';

export interface RenderedCard {
  png: Buffer;
  path: RenderPath;
}

/** Lays a card out: the satori tree, its emoji and any characters no font has. */
export function layoutCard(input: CardInput, fonts: CardFonts, emojiDir: string): CardLayout {
  const ctx: LayoutContext = { fonts, emojiDir, width: CARD_WIDTH, height: CARD_HEIGHT };
  return input.kind === 'article' ? articleCard(input, ctx) : pageCard(input, ctx);
}

/** The card as SVG; `embedFont: false` keeps text as positioned `<text>` runs: what the renderer draws from and the tests read. */
export function cardSvg(layout: CardLayout, fonts: CardFonts, embedFont = true): Promise<string> {
  const graphemeImages = Object.fromEntries([...layout.emoji].map(([g, file]) => [g, emojiDataUri(file)]));
  return satori(layout.node as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    // The same array every call: satori caches the parsed fonts by its identity.
    fonts: fonts.satori,
    graphemeImages,
    embedFont,
    // Every colour is a hex literal: skip satori's colour conversion pass (~10% of its time).
    convertColors: false,
  });
}

/**
 * PNG settings: an 8-bit palette (libimagequant in sharp), which halves the files at the same
 * look. A card is a few flat colours and their antialiased edges: measured on ten busy cards,
 * 39 KB a card instead of 90 KB (RGB, zlib level 2), every pixel within 15 levels of the RGB
 * render (mean 0.34). Limits of 32, 64 and 256 colours gave the same files; 16 colours gave
 * 24 KB but edges up to 44 levels off. `effort: 1` and no dithering are the fastest settings
 * and dithering would only add noise to flat paper. Quantising is still the dearest step of a
 * card (README, Benchmarks). `effort: 1` moves flat colours by up to 4 levels, so the
 * palette's entries are then set back to the design colours they stand for (exact-colours.ts):
 * the card's 报头红 is the pages' red. The settings are part of the cache key (cache.ts).
 */
export const PNG_OPTIONS = { palette: true, colours: 64, effort: 1, dither: 0, compressionLevel: 6 } as const;

/** The card's flat colours, which must come out of quantisation exactly. */
const DESIGN_COLOURS = Object.values(colors).map(hexRgb);

/** The card's pixels as PNG; `channels` 4 for Skia's RGBA (the card is opaque: alpha is dropped). */
async function encode(input: Buffer, raw?: { channels: 4 }): Promise<Buffer> {
  const image = raw ? sharp(input, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: raw.channels } }) : sharp(input);
  return snapPalette(await image.removeAlpha().png(PNG_OPTIONS).toBuffer(), DESIGN_COLOURS);
}

/** SVG (with glyph outlines) → PNG with sharp (librsvg): the fallback path and the tests' reference. */
export function svgToPng(svg: string): Promise<Buffer> {
  return encode(Buffer.from(svg));
}

/**
 * How the cards of this process were drawn, by path: Skia should draw every card a build
 * makes, and tests check which path ran rather than trusting the pixels alone.
 */
export const renderPaths: Record<RenderPath, number> = { skia: 0, librsvg: 0 };

/** The card's PNG, and which path drew it: Skia from satori's runs, or librsvg if Skia cannot. */
export async function renderCard(layout: CardLayout, fonts: CardFonts): Promise<RenderedCard> {
  const pixels = drawSvg(await cardSvg(layout, fonts, false), fonts, CARD_WIDTH, CARD_HEIGHT);
  const path: RenderPath = pixels ? 'skia' : 'librsvg';
  renderPaths[path]++;
  if (pixels) return { png: await encode(pixels, { channels: 4 }), path };
  return { png: await svgToPng(await cardSvg(layout, fonts)), path };
}
