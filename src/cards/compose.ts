import { faceStyle, type CardFonts, type FaceName } from './fonts.ts';
import { checkGlyphs, type CheckedText } from './glyphs.ts';
import { measure, wrap, wrapLines, type Measure, type WrapOptions, type Wrapped } from './wrap.ts';

/**
 * The building blocks the card templates share: satori element nodes, and a composer that
 * checks each text against the fonts, wraps it, and remembers emoji and missing characters.
 */

/** A satori element: the same shape as a React element, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

export function h(type: string, style: Record<string, string | number>, ...children: (CardNode | string)[]): CardNode {
  return { type, props: { style, children } };
}

/** A character no font has, and the card field it was found in. */
export interface MissingGlyph {
  field: string;
  grapheme: string;
}

export interface TextStyle {
  face: FaceName;
  size: number;
  /** Line height as a multiple of the size. */
  leading: number;
  color: string;
}

export interface LayoutContext {
  fonts: CardFonts;
  emojiDir: string;
  width: number;
  height: number;
}

/** A laid-out card: the satori tree and what the renderer and the build log need. */
export interface CardLayout {
  node: CardNode;
  /** Emoji graphemes with their image files (satori's `graphemeImages`). */
  emoji: Map<string, string>;
  missing: MissingGlyph[];
  /** Every text line on the card, by field, for tests. */
  lines: Record<string, string[]>;
  /** The font size of each field, for tests. */
  sizes: Record<string, number>;
}

export interface Composer extends Measure {
  /** Checks a field's text against the fonts (emoji → image, missing → 〓 and reported). */
  prepare(field: string, text: string, face: FaceName): string;
  width(text: string, style: TextStyle): number;
  wrap(field: string, text: string, style: TextStyle, options: WrapOptions): Wrapped;
  wrapLines(field: string, lines: string[], style: TextStyle, options: WrapOptions): Wrapped;
  /** Wraps printed lines without recording them: for trying sizes before choosing one. */
  trial(field: string, lines: string[], style: TextStyle, options: WrapOptions): Wrapped;
  /** The lines, already broken, as one `white-space: pre` text: satori must not break them again. */
  block(lines: string[], style: TextStyle, extra?: Record<string, string | number>): CardNode;
  /** The height of `count` lines in `style`. */
  height(count: number, style: TextStyle): number;
  result(node: CardNode): CardLayout;
}

export function composer(ctx: LayoutContext): Composer {
  const emoji = new Map<string, string>();
  const missing: MissingGlyph[] = [];
  const lines: Record<string, string[]> = {};
  const sizes: Record<string, number> = {};
  const m: Measure = { fonts: ctx.fonts, emoji, memo: new Map(), phraseMemo: new Map() };
  const checkedTexts = new Map<string, CheckedText>();
  const prepare = (field: string, text: string, face: FaceName) => {
    let checked = checkedTexts.get(`${face}\u0000${text}`);
    if (!checked) {
      checked = checkGlyphs(text, face, ctx.fonts, ctx.emojiDir);
      checkedTexts.set(`${face}\u0000${text}`, checked);
    }
    for (const [g, file] of checked.emoji) emoji.set(g, file);
    for (const g of checked.missing) {
      if (!missing.some((x) => x.field === field && x.grapheme === g)) missing.push({ field, grapheme: g });
    }
    return checked.text;
  };
  const record = (field: string, wrapped: Wrapped, style: TextStyle) => {
    lines[field] = [...(lines[field] ?? []), ...wrapped.lines];
    sizes[field] = style.size;
    return wrapped;
  };
  return {
    ...m,
    prepare,
    width: (text, style) => measure(text, style, m),
    wrap: (field, text, style, options) => record(field, wrap(prepare(field, text, style.face), style, options, m), style),
    wrapLines: (field, printed, style, options) =>
      record(field, wrapLines(printed.map((l) => prepare(field, l, style.face)), style, options, m), style),
    trial: (field, printed, style, options) => wrapLines(printed.map((l) => prepare(field, l, style.face)), style, options, m),
    block: (rows, style, extra = {}) =>
      h(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          ...extra,
          // One text node per block, its lines joined by newlines that `white-space: pre` keeps:
          // satori styles and lays out one node instead of one per line.
          whiteSpace: 'pre',
          ...faceStyle(style.face),
          fontSize: style.size,
          lineHeight: `${Math.round(style.size * style.leading)}px`,
          color: style.color,
        },
        rows.join('\n'),
      ),
    height: (count, style) => count * Math.round(style.size * style.leading),
    result: (node) => ({ node, emoji, missing, lines, sizes }),
  };
}
