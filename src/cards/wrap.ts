import { phrases } from '../typeset/phrases.ts';
import { NO_LINE_END, NO_LINE_START } from '../typeset/marks.ts';
import type { CardFonts, FaceName } from './fonts.ts';
import { faceFor, splitGraphemes } from './glyphs.ts';

/**
 * Line breaking for cards, done here rather than by satori: satori breaks Chinese between any
 * two characters (inside words: 第四|届) and its `keep-all` is broken for CJK. Lines break only
 * between phrases (`phrases()`: BudouX ∩ the Unicode word segmenter, glued by the clreq
 * line-start/line-end rules), are measured with the fonts' own advance widths, and text that
 * does not fit in its lines is clamped with an ellipsis, so nothing runs off the card.
 */

/** GB/T 15834 §4.11: the Chinese ellipsis is two ellipsis marks, two character cells wide. */
export const ELLIPSIS = '……';

/** The face and size text is measured in. */
export interface TextFont {
  face: FaceName;
  /** Font size in px. */
  size: number;
}

export interface Measure {
  fonts: CardFonts;
  /** Graphemes drawn as emoji images, one em wide. */
  emoji: ReadonlyMap<string, string>;
  /** Widths in em by face and text: wrapping measures the same phrases many times. */
  memo?: Map<string, number>;
  /** Phrases by text: each headline size tried breaks the same text again. */
  phraseMemo?: Map<string, string[]>;
}

function phrasesOf(text: string, m: Measure): string[] {
  let found = m.phraseMemo?.get(text);
  if (!found) {
    found = phrases(text);
    m.phraseMemo?.set(text, found);
  }
  return found;
}

export interface WrapOptions {
  /** The width of the text column in px. */
  width: number;
  maxLines: number;
  /** Even out line lengths (headlines), instead of filling each line greedily. */
  balance?: boolean;
}

export interface Wrapped {
  lines: string[];
  /** True when text was cut and the last line ends with the ellipsis. */
  clamped: boolean;
}

/** The advance width of `text` in px, as satori will set it (no kerning in CJK text). */
export function measure(text: string, style: TextFont, m: Measure): number {
  const memoKey = `${style.face}\u0000${text}`;
  const known = m.memo?.get(memoKey);
  if (known !== undefined) return known * style.size;
  let units = 0;
  for (const g of splitGraphemes(text)) {
    if (m.emoji.has(g)) {
      units += 1;
      continue;
    }
    const face = m.fonts.metrics[faceFor(g, style.face, m.fonts) ?? style.face];
    for (const c of g) units += face.advanceOf(face.glyphOf(c.codePointAt(0)!)) / face.unitsPerEm;
  }
  m.memo?.set(memoKey, units);
  return units * style.size;
}

/**
 * Breaks a phrase too long for any line between graphemes, obeying the clreq rules where it
 * can. Where it cannot (a 区——。 wider than a very narrow column) it breaks anyway: text that
 * runs off the card is worse than a line that starts with a dash.
 */
function splitLongPhrase(phrase: string, style: TextFont, width: number, m: Measure): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  for (const g of splitGraphemes(phrase)) {
    if (current.length > 0 && measure(current.join('') + g, style, m) > width) {
      // Move characters down while the break would start a line with a closing mark or end
      // one with an opening mark.
      const carry: string[] = [];
      while (current.length > 1 && (NO_LINE_START.includes((carry[0] ?? g)[0]!) || NO_LINE_END.includes(current.at(-1)!.at(-1)!))) {
        carry.unshift(current.pop()!);
      }
      parts.push(current.join(''));
      current = carry;
    }
    current.push(g);
  }
  if (current.length > 0) parts.push(current.join(''));
  return parts;
}

/** Fills lines greedily with whole phrases; spaces at a break disappear. */
function greedy(units: string[], widths: number[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  units.forEach((unit, i) => {
    const blank = unit.trim() === '';
    if (line === '' && blank) return;
    // A hair of tolerance: widths are sums of floats.
    if (line === '' || used + widths[i]! <= width + 0.01) {
      line += unit;
      used += widths[i]!;
    } else {
      lines.push(line.trimEnd());
      line = blank ? '' : unit;
      used = blank ? 0 : widths[i]!;
    }
  });
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * The pieces a line may break between: the phrases (`phrases()`, which also keeps short
 * quotations such as “书记论坛” whole, for the page view and the cards alike).
 */
export function lineUnits(text: string, m?: Measure): string[] {
  return m ? phrasesOf(text, m) : phrases(text);
}

/** The line units of `text`, with any unit wider than a whole line split to fit. */
function breakUnits(text: string, style: TextFont, width: number, m: Measure): string[] {
  return lineUnits(text, m).flatMap((p) =>
    measure(p, style, m) > width ? splitLongPhrase(p, style, width, m) : [p],
  );
}

/** Cuts `rest` to fit one line ending with the ellipsis, at a phrase boundary when one is near. */
function clampLine(rest: string, style: TextFont, width: number, m: Measure): string {
  const room = width - measure(ELLIPSIS, style, m);
  const chars = splitGraphemes(rest);
  let fit = '';
  for (const g of chars) {
    if (measure(fit + g, style, m) > room) break;
    fit += g;
  }
  // Prefer ending on a whole phrase if that keeps most of the line.
  let atPhrase = '';
  for (const p of phrasesOf(rest, m)) {
    if ((atPhrase + p).length > fit.length) break;
    atPhrase += p;
  }
  let cut = atPhrase.length >= fit.length * 0.6 ? atPhrase : fit;
  // No opening mark, pause mark or space right before the ellipsis (clreq line-end rules).
  while (cut.length > 0 && (NO_LINE_END.includes(cut.at(-1)!) || /[\s、，,；;：:—]$/u.test(cut))) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/** Wraps one run of text into at most `maxLines` lines of `width`. */
export function wrap(text: string, style: TextFont, options: WrapOptions, m: Measure): Wrapped {
  const { width, maxLines } = options;
  if (text.trim() === '') return { lines: [], clamped: false };
  const units = breakUnits(text, style, width, m);
  const widths = units.map((u) => measure(u, style, m));
  let lines = greedy(units, widths, width);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines - 1);
    return { lines: [...kept, clampLine(restAfter(text, kept), style, width, m)], clamped: true };
  }
  if (options.balance && lines.length > 1) {
    // The narrowest column that still needs no more lines gives the most even lines.
    let lo = width / lines.length;
    let hi = width;
    for (let i = 0; i < 12 && hi - lo > 1; i++) {
      const mid = (lo + hi) / 2;
      if (greedy(units, widths, mid).length <= lines.length) hi = mid;
      else lo = mid;
    }
    lines = greedy(units, widths, hi);
  }
  return { lines, clamped: false };
}

/** The text after the kept lines, found by walking past their characters (spaces were dropped at breaks). */
function restAfter(text: string, kept: string[]): string {
  let at = 0;
  for (const line of kept) {
    while (text[at] === ' ') at++;
    at += line.length;
  }
  return text.slice(at).trimStart();
}

/**
 * Wraps a headline given as printed lines: each printed line starts a new card line when
 * they all fit in `maxLines`; otherwise the lines are joined with a space and wrapped as one.
 */
export function wrapLines(printed: string[], style: TextFont, options: WrapOptions, m: Measure): Wrapped {
  if (printed.length > 1) {
    const each = printed.map((line) => wrap(line, style, options, m));
    const total = each.reduce((n, w) => n + w.lines.length, 0);
    if (total <= options.maxLines) return { lines: each.flatMap((w) => w.lines), clamped: false };
  }
  return wrap(printed.join(' '), style, options, m);
}
