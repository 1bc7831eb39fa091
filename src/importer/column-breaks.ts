import { SENTENCE_FINAL } from '../typeset/marks.ts';

/**
 * Column breaks (samples/2023-07-02-A03/ANATOMY.md D1, D3, D4, D6, D7): the print layout cut a paragraph where a
 * column ended, and the transcript shows the two halves as two paragraphs. Three signals
 * reveal a cut, and together they find every break of the sample and flag no other line:
 * the first half does not end a sentence, its quotation marks are unbalanced, or a word spans
 * the join according to `Intl.Segmenter`. A fourth, a second half that opens with a mark that
 * may not start a line (clreq 行首禁则, e.g. a closing `”`), backs up the quote check.
 * A cut exactly at a sentence end, with quotes balanced, carries no signal and is not mended.
 */

export type BreakSignal = 'no-final-punctuation' | 'open-quote' | 'closing-mark-at-start' | 'word-spans-join';

/** Marks that cannot open a paragraph, so a paragraph starting with one is a continuation. */
const CLOSING_AT_START = '，、。：；！？）」』”’》〉】〕,;:!?)';
const OPENING_QUOTES = '“‘「『';
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];
const WORD_CHAR = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | undefined;
function words(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** True when `text` ends with sentence-final punctuation (`。！？…”’` and ASCII forms). */
export function endsSentence(text: string): boolean {
  const last = text.trimEnd().slice(-1);
  return last !== '' && SENTENCE_FINAL.includes(last);
}

/** True when some kind of quotation mark is opened more often than it is closed in `text`. */
export function hasOpenQuote(text: string): boolean {
  if (!/[“‘「『]/.test(text)) return false;
  for (const [open, close] of QUOTE_PAIRS) {
    if (!text.includes(open)) continue;
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === open) depth++;
      else if (ch === close && depth > 0) depth--;
    }
    if (depth > 0) return true;
  }
  return false;
}

/** True when `Intl.Segmenter` finds a word that starts in `before` and ends in `after`. */
export function wordSpansJoin(before: string, after: string): boolean {
  const tail = Array.from(before).slice(-6).join('');
  const head = Array.from(after).slice(0, 6).join('');
  if (!WORD_CHAR.test(tail.slice(-1)) || !WORD_CHAR.test(Array.from(head)[0] ?? '')) return false;
  const join = tail.length;
  for (const seg of words().segment(tail + head)) {
    if (seg.index >= join) break;
    if (seg.index + seg.segment.length > join) return seg.isWordLike === true;
  }
  return false;
}

/**
 * The signals that `before` and `after`, two consecutive paragraphs of one section, are the
 * halves of one paragraph cut by a column break. Empty means "two real paragraphs".
 * Chinese typesetting repeats the opening quote on every paragraph of a long quotation and
 * closes it only at the end, so a paragraph that opens with a quote and ends a sentence with
 * the quote still open, followed by a paragraph that opens a quote again, is not a break.
 */
export function breakSignals(before: string, after: string): BreakSignal[] {
  // Nothing follows: there is no second half to mend (and `'…'.includes('')` is always true).
  if (after === '') return [];
  const signals: BreakSignal[] = [];
  const complete = endsSentence(before);
  if (!complete) signals.push('no-final-punctuation');
  // `after` is not empty, and `before` is not when it is complete: their first characters exist.
  const continuedQuotation = complete && OPENING_QUOTES.includes(before[0]!) && OPENING_QUOTES.includes(after[0]!);
  if (hasOpenQuote(before) && !continuedQuotation) signals.push('open-quote');
  if (CLOSING_AT_START.includes(after[0]!)) signals.push('closing-mark-at-start');
  if (wordSpansJoin(before, after)) signals.push('word-spans-join');
  return signals;
}

/**
 * True when `breakSignals` would find any signal; checks the cheap signals first and asks the
 * segmenter last, for callers that need the decision and not the list.
 */
export function showsBreak(before: string, after: string): boolean {
  if (after === '') return false;
  const complete = endsSentence(before);
  if (!complete || CLOSING_AT_START.includes(after[0]!)) return true;
  const continuedQuotation = OPENING_QUOTES.includes(before[0]!) && OPENING_QUOTES.includes(after[0]!);
  if (hasOpenQuote(before) && !continuedQuotation) return true;
  return wordSpansJoin(before, after);
}

/** A short view of a join for the report: `…组织提‖质”工程…`. */
export function showJoin(before: string, after: string): string {
  const tail = Array.from(before).slice(-8).join('');
  const head = Array.from(after).slice(0, 8).join('');
  return `…${tail}‖${head}…`;
}
