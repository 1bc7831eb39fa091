import satori from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './design.ts';
import { emojiDataUri } from './emoji.ts';
import type { CardFonts } from './fonts.ts';
import type { CardLayout, LayoutContext } from './compose.ts';
import { articleCard } from './card-article.ts';
import { pageCard } from './card-page.ts';
import type { CardInput } from './inputs.ts';

/**
 * Rendering: layout (our own line breaking) → satori (SVG, glyphs as paths) → sharp (PNG).
 * sharp rasterises and encodes on libuv's thread pool, so while one card is encoded the main
 * thread can already run satori for the next: the pipeline keeps a few cards in flight.
 * @resvg/resvg-js is not used: it leaks ~3 MB per render (notes/share-cards.md).
 */

/** Lays a card out: the satori tree, its emoji and any characters no font has. */
export function layoutCard(input: CardInput, fonts: CardFonts, emojiDir: string): CardLayout {
  const ctx: LayoutContext = { fonts, emojiDir, width: CARD_WIDTH, height: CARD_HEIGHT };
  return input.kind === 'article' ? articleCard(input, ctx) : pageCard(input, ctx);
}

/** The card as SVG; `embedFont: false` keeps text as `<text>` elements (for tests). */
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
 * PNG settings, measured (CPU ms per card): zlib level 4 without adaptive filtering costs
 * ~2 ms against ~3 ms at the default level 6 and ~12 ms with adaptive filtering, for ~10 KB
 * more per card, far under the 300 KB limit. The alpha channel is kept: dropping it costs
 * more than it saves. They are part of the cache key (cache.ts).
 */
export const PNG_OPTIONS = { compressionLevel: 4, adaptiveFiltering: false, palette: false } as const;

/** SVG → PNG with sharp (librsvg), on libuv's thread pool. */
export function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
}
