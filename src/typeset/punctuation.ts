/**
 * Punctuation and spacing of Chinese running text, after W3C clreq (Requirements for Chinese
 * Text Layout, §3.1 punctuation marks and §3.2.2 mixed text) and GB/T 15834-2011 (标点符号用法).
 * Pure functions shared by the importer and anything else that cleans transcribed text.
 *
 * GB/T 15834 prescribes full-width marks in Chinese text: a transcript that carries ASCII `,`
 * `:` `;` `?` `!` `(` `)` next to Han characters is a keying or OCR artefact. ASCII marks that
 * do not touch Chinese text are meaningful and kept: decimals (`1.1万`), formulas (`2+1+N+X`),
 * times (`12:30`), thousands separators (`1,000`), slashes (`文/片`), Latin words (`5G`).
 */

/** ASCII marks that become full-width when they touch Chinese text, with their GB/T 15834 forms. */
export const ASCII_TO_FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Full-width CJK punctuation (clreq §3.1): a space beside one of these is never meant. */
const CJK_PUNCTUATION = '、，。：；！？（）【】〔〕〖〗《》〈〉「」『』…—·～';
/** Curly quotes are shared with Western text, so they count as Chinese only beside Chinese text. */
const CURLY_QUOTES = '“”‘’';

const HAN = /\p{Script=Han}/u;
/** Spaces a transcript may carry inside a line; U+3000 is left alone (it is a deliberate indent). */
const SPACE = /[ \t\u00a0]/;

/** True for a Han character (any CJK block, including the supplementary planes). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** True for a full-width Chinese punctuation mark or a curly quote. */
export function isCjkPunctuation(ch: string | undefined): boolean {
  return ch !== undefined && (CJK_PUNCTUATION.includes(ch) || CURLY_QUOTES.includes(ch));
}

/** True when `ch` makes its neighbour part of Chinese text: a Han character or a CJK mark. */
function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunctuation(ch);
}

/** One ASCII mark made full-width. `index` counts code points in the input text. */
export interface MarkChange {
  index: number;
  from: string;
  to: string;
}

export interface NormalisedText {
  text: string;
  /** The ASCII marks made full-width, in order. */
  marks: MarkChange[];
  /** How many stray spaces were removed. */
  spacesRemoved: number;
}

/** The nearest character before (`step` -1) or after (+1) index `i` that is not a space. */
function neighbour(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    if (!SPACE.test(chars[j]!)) return chars[j];
  }
  return undefined;
}

/**
 * Makes ASCII `, : ; ? ! ( )` full-width where they touch Chinese text (a Han character or a CJK
 * mark, looking past spaces). Brackets convert in pairs, so `中心(CBD)` becomes `中心（CBD）`
 * and never a mixed pair. A converted mark counts as Chinese for its neighbours, so `好?!`
 * becomes `好？！` as a whole.
 */
function convertMarks(chars: string[]): MarkChange[] {
  const candidates: number[] = [];
  for (let i = 0; i < chars.length; i++) if (ASCII_TO_FULL_WIDTH[chars[i]!] !== undefined) candidates.push(i);
  if (candidates.length === 0) return [];
  const converted = new Map<number, string>();
  const convert = (i: number) => {
    converted.set(i, chars[i]!);
    chars[i] = ASCII_TO_FULL_WIDTH[chars[i]!]!;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const i of candidates) {
      if (converted.has(i)) continue;
      if (isChinese(neighbour(chars, i, -1)) || isChinese(neighbour(chars, i, 1))) {
        convert(i);
        changed = true;
      }
    }
    // Pair brackets: if one of a matched pair is full-width, its ASCII partner converts too
    // (a full-width bracket that was already in the text is the author's, and sets the pair).
    const stack: number[] = [];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === '(' || ch === '（') stack.push(i);
      else if (ch === ')' || ch === '）') {
        const open = stack.pop();
        if (open === undefined) continue;
        const openFull = chars[open] === '（';
        if (openFull !== (ch === '）')) {
          convert(openFull ? i : open);
          changed = true;
        }
      }
    }
  }
  return [...converted.entries()].sort((a, b) => a[0] - b[0]).map(([index, from]) => ({ index, from, to: chars[index]! }));
}

/**
 * Removes spaces that touch CJK punctuation: a full-width mark carries its own spacing
 * (clreq §3.1.6, GB/T 15834 §5), so `获得 “全国技术能手”` becomes `获得“全国技术能手”`. Curly
 * quotes are shared with Western text, so a space beside one goes only when Chinese text is on
 * the other side of the space or of the quote. Spaces between two Han characters or beside
 * Latin text are meant (parallel halves of a heading, `共创美好未来 共享美好生活`) and stay.
 */
function removeStraySpaces(chars: string[]): { chars: string[]; removed: number } {
  const out: string[] = [];
  let removed = 0;
  let i = 0;
  while (i < chars.length) {
    if (!SPACE.test(chars[i]!)) {
      out.push(chars[i]!);
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && SPACE.test(chars[end]!)) end++;
    const left = chars[i - 1];
    const right = chars[end];
    const beyondLeft = chars[i - 2];
    const beyondRight = chars[end + 1];
    const strict = (ch: string | undefined) => ch !== undefined && CJK_PUNCTUATION.includes(ch);
    const quote = (ch: string | undefined) => ch !== undefined && CURLY_QUOTES.includes(ch);
    const inner = left === undefined || right === undefined;
    const stray =
      !inner &&
      (strict(left) ||
        strict(right) ||
        (quote(left) && (isChinese(right) || isHan(beyondLeft))) ||
        (quote(right) && (isChinese(left) || isHan(beyondRight))));
    if (stray) removed += end - i;
    else out.push(...chars.slice(i, end));
    i = end;
  }
  return { chars: out, removed };
}

/**
 * Normalises the punctuation of one line of Chinese text: ASCII marks touching Chinese text
 * made full-width, then stray spaces beside CJK marks removed. Han characters, digits and
 * Latin letters are never touched, so nothing the reader needs can be lost.
 */
export function normalisePunctuation(text: string): NormalisedText {
  // Most lines of a clean transcript need nothing: skip the work for them.
  if (!/[,:;?!() \t\u00a0]/.test(text)) return { text, marks: [], spacesRemoved: 0 };
  const chars = Array.from(text);
  const marks = convertMarks(chars);
  const spaced = removeStraySpaces(chars);
  return { text: spaced.chars.join(''), marks, spacesRemoved: spaced.removed };
}

/** A short human summary of mark changes, such as `, → ， ×5; ? → ？ ×2`. */
export function summariseMarks(marks: readonly MarkChange[]): string {
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(`${m.from} → ${m.to}`, (counts.get(`${m.from} → ${m.to}`) ?? 0) + 1);
  return [...counts.entries()].map(([change, n]) => `${change} ×${n}`).join('; ');
}
