import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './design.ts';
import { emojiDataUri } from './emoji.ts';
import type { CardFonts, FontFiles } from './fonts.ts';
import { rasterise } from './raster.ts';
import { readSvg } from './svg-ops.ts';
import type { CardLayout, LayoutContext } from './compose.ts';
import { articleCard } from './card-article.ts';
import { pageCard } from './card-page.ts';
import type { CardInput } from './inputs.ts';

/**
 * Rendering: layout (our own line breaking) → satori (layout; SVG with text as positioned
 * `<text>` runs, `embedFont: false`) → our rasteriser (rectangles, FreeType glyph masks drawn
 * by Pango and cached per run, emoji) → sharp (PNG). Measured per card, CPU: satori ~3 ms
 * instead of ~9 ms with glyph outlines, and no librsvg rasterising outlines (~15 ms). Cards the
 * rasteriser cannot draw (svg-ops.ts says which) fall back to the old path: satori with glyph
 * outlines → librsvg. sharp encodes on libuv's thread pool, so the pipeline keeps a few cards
 * in flight. @resvg/resvg-js is not used: its native renderer keeps ~3 MB of memory
 * per render that is never released, so a year of cards would not fit in memory.
 */

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
 * PNG settings, measured (CPU ms per card, RGB from our rasteriser): zlib level 2 without
 * adaptive filtering costs ~3.3–4.3 ms against ~3.8–5.4 ms at level 4 (+10 % bytes: busiest
 * card 112 KB instead of 101 KB, far under the 300 KB limit), ~2.9–3.5 ms at level 1 (+25 %),
 * ~12 ms more with adaptive filtering. The fallback path (librsvg) keeps its alpha channel.
 * They are part of the cache key (cache.ts).
 */
export const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false, palette: false } as const;

/** SVG → PNG with sharp (librsvg), on libuv's thread pool: the fallback path. */
export function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}

/**
 * How the cards of this process were drawn, by path: the fast path should draw every card a
 * build makes, and tests check which path ran rather than trusting the pixels alone.
 */
export const renderPaths = { fast: 0, librsvg: 0 };

/** The card's PNG: drawn from satori's positioned runs, or by librsvg when that cannot be done. */
export async function renderCard(layout: CardLayout, fonts: CardFonts, files: FontFiles): Promise<Buffer> {
  const ops = readSvg(await cardSvg(layout, fonts, false), fonts);
  const pixels = ops && (await rasterise(ops, CARD_WIDTH, CARD_HEIGHT, files));
  if (!pixels) {
    renderPaths.librsvg++;
    return svgToPng(await cardSvg(layout, fonts));
  }
  renderPaths.fast++;
  return sharp(pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } }).png(PNG_OPTIONS).toBuffer();
}
