/**
 * Where the lines of a paragraph break, computed as Chromium breaks them under Newsprint's
 * text rules (base.css), so the placement knows a block's height to the line instead of
 * guessing from character counts (a guess off by a line on three paragraphs in ten):
 * - `line-break: strict` (clreq §3.1.7): no line starts with a closing mark (、，。：；！？）」』”’…),
 *   none ends with an opening one (（「『“‘);
 * - beside a quotation mark a line breaks only between East Asian characters (UAX #14 LB19a,
 *   which Chromium follows): `完善“2+1+N+X”` keeps `善“2` together;
 * - `text-spacing-trim: normal` (clreq §3.1.6): a closing bracket or quote before another
 *   bracket or quote, a 、，。 before a closing bracket or quote, and an opening bracket or quote
 *   after another are set half-width; a closing bracket or quote at the end of a line is set
 *   half-width when that makes it fit (Chromium trims neither 、，。 at a line end nor before an
 *   opening quote: 。“ stays 2 em);
 * - `text-autospace: normal` (clreq §3.2.4): 1/8 em between a Han character and a Latin letter or
 *   digit on one line;
 * - Latin words and numbers (`1293`, `5.7`) never break; the first line is indented.
 * Widths: Han characters and full-width marks 1 em, Latin characters their advance in the
 * body font (latin-widths.ts). Lines fill greedily, as browsers fill them; justification only
 * spreads a line. Checked against Chromium paragraph by paragraph (tests/browser-makeup.test.ts).
 */
import { latinWidth } from './latin-widths.ts';

/** Marks that never start a line. */
const NO_START = new Set([...'、，。．：；！？）］｝〕〗】」』”’》〉…‥％‰℃·・']);
/** Marks that never end a line. */
const NO_END = new Set([...'（［｛〔〖【「『“‘《〈']);
/** Closing brackets and quotes: half an em of their glyph is space that may be trimmed. */
const CLOSE = new Set([...'）］｝〕〗】」』”’》〉']);
/** Opening brackets and quotes. */
const OPEN = new Set([...'（［｛〔〖【「『“‘《〈']);
/** Full-width stops and commas: they give up their space only before a closing bracket or quote. */
const STOPS = new Set([...'、，。．']);
const QUOTE_OPEN = new Set([...'“‘']);
const QUOTE_CLOSE = new Set([...'”’']);
/** —— and …… stay whole. */
const PAIRED = new Set([...'—…']);

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const isAscii = (c: string) => c.codePointAt(0)! <= 0x7e;
const isAlnum = (c: string) => /[A-Za-z0-9]/.test(c);
/** UAX #14's East Asian characters, roughly: everything wide from the CJK blocks on (quotes are not). */
const isEastAsian = (c: string | undefined) => c !== undefined && c.codePointAt(0)! >= 0x2e80;

/** Width of a character alone, in em. */
function charWidth(c: string, bold: boolean): number {
  if (isAscii(c)) return latinWidth(c, bold);
  if (c === '·') return latinWidth('.', bold);
  return 1;
}

/** Space trimmed between two neighbouring marks, in em. */
function collapse(a: string, b: string): number {
  if ((CLOSE.has(a) || STOPS.has(a)) && CLOSE.has(b)) return 0.5;
  if (CLOSE.has(a) && OPEN.has(b)) return 0.5;
  if (OPEN.has(a) && OPEN.has(b)) return 0.5;
  return 0;
}

/** Han–Latin spacing between two neighbours on one line, in em. */
function autospace(a: string, b: string): number {
  return (isHan(a) && isAlnum(b)) || (isAlnum(a) && isHan(b)) ? 0.125 : 0;
}

interface Run {
  chars: string[];
  /** Width in em, with the trimming and spacing inside the run. */
  width: number;
  /** What a closing bracket or quote ending the run gives up at the end of a line. */
  endTrim: number;
}

function run(chars: string[], bold: boolean): Run {
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += charWidth(chars[i]!, bold);
    if (i > 0) width += autospace(chars[i - 1]!, chars[i]!) - collapse(chars[i - 1]!, chars[i]!);
  }
  return { chars, width, endTrim: CLOSE.has(chars.at(-1)!) ? 0.5 : 0 };
}

/** May a line break between `chars[i - 1]` and `chars[i]`? */
function breakBefore(chars: string[], i: number): boolean {
  const c = chars[i]!;
  const prev = chars[i - 1]!;
  if (NO_START.has(c) || NO_END.has(prev)) return false;
  if (isAscii(c) && isAscii(prev) && c !== ' ' && prev !== ' ') return false;
  if (PAIRED.has(c) && c === prev) return false;
  if (QUOTE_OPEN.has(c) && !(isEastAsian(prev) && isEastAsian(chars[i + 1]))) return false;
  if (QUOTE_CLOSE.has(prev) && !(isEastAsian(c) && isEastAsian(chars[i - 2]))) return false;
  return true;
}

/** The paragraph cut into runs between which a line may break; `phrases` forbid breaks inside each phrase. */
function runs(text: string, bold: boolean, phrases?: string[]): Run[] {
  const chars = Array.from(text);
  const allowed = new Set<number>();
  if (phrases) {
    let at = 0;
    for (const phrase of phrases) {
      at += Array.from(phrase).length;
      allowed.add(at);
    }
  }
  const out: Run[] = [];
  let start = 0;
  for (let i = 1; i < chars.length; i++) {
    if (phrases ? allowed.has(i) : breakBefore(chars, i)) {
      out.push(run(chars.slice(start, i), bold));
      start = i;
    }
  }
  if (chars.length > 0) out.push(run(chars.slice(start), bold));
  return out;
}

export interface LineOptions {
  /** First-line indent, in em (text-indent). */
  indent?: number;
  /** Bold text (leads, bylines): its Latin characters are wider. */
  bold?: boolean;
  /**
   * Text set by phrases (headlines, captions: PhraseText.astro): a line breaks only between
   * these, and a phrase longer than the line breaks anywhere inside.
   */
  phrases?: string[];
}

/** Where each line of `text` set at `measure` em starts, as indexes of its characters. */
export function lineStarts(text: string, measure: number, options: LineOptions = {}): number[] {
  const bold = options.bold ?? false;
  const parts = runs(text, bold, options.phrases);
  if (parts.length === 0) return [];
  const starts = [0];
  let available = measure - (options.indent ?? 0);
  let width = 0;
  let at = 0;
  let prev: Run | undefined;
  const fits = (w: number) => w <= available + 1e-6;
  for (const part of parts) {
    const join = prev ? autospace(prev.chars.at(-1)!, part.chars[0]!) - collapse(prev.chars.at(-1)!, part.chars[0]!) : 0;
    // A space that does not fit hangs at the end of the line (white-space: normal, CSS Text
    // §4.1.3): it never starts one, so a line is never only a space.
    const space = part.chars.every((c) => c === ' ');
    if (prev && !space && !fits(width + join + part.width - part.endTrim)) {
      starts.push(at);
      available = measure;
      width = part.width;
    } else {
      width += join + part.width;
    }
    // A phrase wider than the line is broken inside it (overflow-wrap: anywhere): as many
    // whole characters as fit go on the line, at least one, and the rest starts the next.
    let cut = at;
    while (options.phrases && !space && width > Math.max(available, 1) + 1e-6) {
      const take = Math.max(1, Math.floor(available + 1e-6));
      cut += take;
      starts.push(cut);
      width -= take;
      available = measure;
    }
    prev = part;
    at += part.chars.length;
  }
  return starts;
}

/** Lines `text` takes at `measure` em. */
export function countLines(text: string, measure: number, options: LineOptions = {}): number {
  return lineStarts(text, measure, options).length;
}
