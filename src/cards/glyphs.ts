import { emojiFile, isEmoji } from './emoji.ts';
import { fallbackChain, type CardFonts, type FaceName } from './fonts.ts';

/**
 * Which characters a card's fonts can draw. Each grapheme is drawn by a font face, by a Twemoji
 * image, or, when neither has it, replaced by the geta mark 〓 — the mark Chinese and Japanese
 * typesetters have long used for a character missing from the type case — and reported, so no
 * card ever shows an empty box (tofu) and the editor learns which character to fix.
 */

/** The substitute for a character no font has (U+3013 GETA MARK, present in Noto SC). */
export const MISSING_MARK = '〓';

const graphemes = new Intl.Segmenter('zh-Hans', { granularity: 'grapheme' });

/** Joiners and variation selectors draw nothing themselves; a font need not map them. */
const INVISIBLE = /^[\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;

/**
 * Characters that join with a neighbour into one grapheme: marks (incl. variation selectors
 * and the keycap), ZWJ, regional indicators, skin tones, tag characters, Hangul jamo, CR.
 */
const CLUSTERING = /[\p{M}\u200d\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u1100-\u11ff\r]/u;

/** Splits text into user-perceived characters (UAX #29 grapheme clusters). */
export function splitGraphemes(text: string): string[] {
  // Plain CJK text needs no segmenter: every code point is its own grapheme.
  return CLUSTERING.test(text) ? Array.from(graphemes.segment(text), (s) => s.segment) : Array.from(text);
}

/** The face of the chain that has every code point of `grapheme`, or undefined. */
export function faceFor(grapheme: string, face: FaceName, fonts: CardFonts): FaceName | undefined {
  return fallbackChain(face).find((f) =>
    Array.from(grapheme).every((c) => INVISIBLE.test(c) || fonts.metrics[f].glyphOf(c.codePointAt(0)!) !== 0),
  );
}

export interface CheckedText {
  /** The text to draw: whitespace collapsed, missing characters replaced by 〓. */
  text: string;
  /** Emoji graphemes to draw as images, with their Twemoji file. */
  emoji: Map<string, string>;
  /** Characters no font and no emoji image has, in order of appearance, without repeats. */
  missing: string[];
}

/** Checks `text`, to be set in `face`, against the fonts and the emoji set. */
export function checkGlyphs(text: string, face: FaceName, fonts: CardFonts, emojiDir: string): CheckedText {
  const emoji = new Map<string, string>();
  const missing: string[] = [];
  let out = '';
  for (const g of splitGraphemes(text.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/^ | $/g, ''))) {
    // Emoji-presentation graphemes are images even where a font has a plain glyph for them.
    const image = isEmoji(g) || !faceFor(g, face, fonts) ? emojiFile(g, emojiDir) : undefined;
    if (image) {
      emoji.set(g, image);
      out += g;
    } else if (faceFor(g, face, fonts)) {
      out += g;
    } else {
      if (!missing.includes(g)) missing.push(g);
      out += MISSING_MARK;
    }
  }
  return { text: out, emoji, missing };
}

/** `U+20BB7` for each code point, for messages. */
export const codePoints = (grapheme: string) =>
  Array.from(grapheme, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
