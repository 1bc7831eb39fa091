import { FACES, type CardFonts, type FaceName } from './fonts.ts';
import { faceFor, splitGraphemes } from './glyphs.ts';

/**
 * Reads what satori draws from its `embedFont: false` SVG: filled rectangles, text runs at
 * their origin (x) and baseline (y), and emoji images. satori still does all the layout (flex
 * boxes, centring); only the pixels are drawn elsewhere (raster.ts). The SVG is satori's own
 * output for our templates, so a small reader suffices; anything it does not know (paths,
 * transforms, opacity, clips in use, colours other than #rrggbb) makes it return undefined,
 * and the card is drawn by librsvg as before.
 */

export type Rgb = [number, number, number];

export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  color: Rgb;
}

export interface TextOp {
  kind: 'text';
  x: number;
  y: number;
  face: FaceName;
  size: number;
  color: Rgb;
  text: string;
}

export interface ImageOp {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  href: string;
}

export type DrawOp = RectOp | TextOp | ImageOp;

const ELEMENT = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>([^<]*)/g;
const ATTRIBUTE = /\s([a-zA-Z:-]+)="([^"]*)"/g;
/** Attributes that change how an element is drawn beyond what the reader handles. */
const UNSUPPORTED_ATTRIBUTES = /\s(transform|opacity|fill-opacity|stroke|clip-path|mask|filter|style|class)=/;

const decode = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

function color(value: string | undefined): Rgb | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value ?? '');
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : undefined;
}

const faceOf = (family: string | undefined, weight: string | undefined): FaceName | undefined =>
  (Object.keys(FACES) as FaceName[]).find(
    (f) => FACES[f].family.toLowerCase() === family?.toLowerCase() && String(FACES[f].weight) === weight,
  );

/**
 * The face that draws all of `text`: satori falls back per character to the next font, so
 * the run is drawn in that font if it has every character; a run split between fonts is not
 * handled (undefined).
 */
function runFace(text: string, face: FaceName, fonts: CardFonts): FaceName | undefined {
  const faces = new Set(splitGraphemes(text).filter((g) => g.trim() !== '').map((g) => faceFor(g, face, fonts)));
  return faces.size === 1 ? [...faces][0] : undefined;
}

/**
 * Dashes and ellipses are drawn as one run with their neighbours of the same kind: satori
 * writes each as its own `<text>`, but with glyph outlines it set “——” as one run, kerned so
 * the two dashes join into one line (Noto's kerning: 27 px advance instead of 28.6 px at 32
 * px). Drawn one by one they showed a gap. Other runs are never kerned against each other by
 * satori (CJK characters, Latin words split at spaces), so they stay apart and cacheable.
 */
const JOINED = /^[—―─…⋯]+$/u;

function joins(last: TextOp, op: TextOp, lastEnd: number): boolean {
  return (
    JOINED.test(last.text) && JOINED.test(op.text) && last.y === op.y && last.face === op.face &&
    last.size === op.size && String(last.color) === String(op.color) && Math.abs(lastEnd - op.x) < 0.01
  );
}

/** The drawing operations of a satori SVG (`embedFont: false`), or undefined. */
export function readSvg(svg: string, fonts: CardFonts): DrawOp[] | undefined {
  const ops: DrawOp[] = [];
  let inMask = 0;
  let lastEnd = NaN;
  let size = [NaN, NaN];
  for (const m of svg.matchAll(ELEMENT)) {
    const [, closing, name, attrText, selfClosing, after] = m;
    if (name === 'mask') {
      // satori defines an (unused) overflow mask per box; nothing references them.
      if (!selfClosing) inMask += closing ? -1 : 1;
      continue;
    }
    if (closing || inMask > 0) continue;
    if (UNSUPPORTED_ATTRIBUTES.test(attrText!)) return undefined;
    const a = Object.fromEntries(Array.from(attrText!.matchAll(ATTRIBUTE), (x) => [x[1]!, x[2]!]));
    const n = (key: string) => Number(a[key]);
    if (name === 'svg') {
      size = [n('width'), n('height')];
      continue;
    }
    if (name === 'g') continue;
    if (name === 'rect') {
      const c = color(a.fill);
      if (!c) return undefined;
      ops.push({ kind: 'rect', x: n('x'), y: n('y'), width: n('width'), height: n('height'), color: c });
    } else if (name === 'text') {
      const text = decode(after!);
      if (text.trim() === '') continue;
      // Runs are drawn one per line of a Pango layout (glyph-masks.ts): no line breaks inside.
      if (/[\n\r\u2028\u2029]/.test(text)) return undefined;
      const face = faceOf(a['font-family'], a['font-weight']);
      const c = color(a.fill);
      const drawn = face && runFace(text, face, fonts);
      // Integer sizes only: the framing blocks are then a whole number of pixels wide (glyph-masks.ts).
      if (!drawn || !c || a['font-style'] !== 'normal' || !Number.isInteger(n('font-size'))) return undefined;
      const op: TextOp = { kind: 'text', x: n('x'), y: n('y'), face: drawn, size: n('font-size'), color: c, text };
      const last = ops.at(-1);
      if (last?.kind === 'text' && joins(last, op, lastEnd)) last.text += text;
      else ops.push(op);
      lastEnd = op.x + n('width');
    } else if (name === 'image') {
      if (!a.href?.startsWith('data:image/svg+xml;base64,')) return undefined;
      ops.push({ kind: 'image', x: n('x'), y: n('y'), width: n('width'), height: n('height'), href: a.href });
    } else {
      return undefined;
    }
  }
  // The card must be opaque: the first thing drawn fills it (the paper), so the rasteriser
  // needs no alpha channel and no blank canvas.
  const first = ops[0];
  const opaque = first?.kind === 'rect' && first.x <= 0 && first.y <= 0 && first.x + first.width >= size[0]! && first.y + first.height >= size[1]!;
  return opaque && ops.every((op) => Object.values(op).every((v) => typeof v !== 'number' || Number.isFinite(v))) ? ops : undefined;
}
