import { loadDefaultSimplifiedChineseParser } from 'budoux';
import { NO_LINE_END, NO_LINE_START } from './marks.ts';

/**
 * Phrase breaks for headlines, section heads and captions (clreq: 避头尾 and keeping words
 * whole). A line may break only where BudouX's phrase model AND the Unicode word segmenter
 * (ICU's dictionary, via `Intl.Segmenter`) both allow it: BudouX alone splits words such as
 * 全国 into 全|国, and the segmenter alone cuts phrases such as 残疾人 into 残疾|人. Then the
 * clreq line-start and line-end rules are applied, so no phrase starts with a closing mark or
 * ends with an opening one.
 */

const parser = loadDefaultSimplifiedChineseParser();
const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

/** Offsets (in UTF-16 units, excluding 0 and the end) where `parts` meet. */
function boundaries(parts: Iterable<string>): Set<number> {
  const set = new Set<number>();
  let offset = 0;
  for (const part of parts) {
    if (offset > 0) set.add(offset);
    offset += part.length;
  }
  return set;
}

/** Splits `text` into unbreakable phrases; joining them gives `text` back unchanged. */
export function phrases(text: string): string[] {
  if (text.length === 0) return [];
  const fromModel = boundaries(parser.parse(text));
  const fromWords = boundaries(Array.from(segmenter.segment(text), (s) => s.segment));
  const chunks: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const spaceJoin = text[i - 1] === ' ' || text[i] === ' ';
    if ((fromModel.has(i) && fromWords.has(i)) || spaceJoin) {
      chunks.push(text.slice(start, i));
      start = i;
    }
  }
  chunks.push(text.slice(start));
  return applyLineRules(joinSingles(chunks));
}

const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * Both segmenters leave lone characters (历|下区, 第七|届, 展|能|节) where they disagree or
 * lack a word; a headline broken after one of them reads as broken inside a word. A run of
 * lone characters becomes one phrase; a single lone character joins the phrase before it,
 * or the one after it at the start of the text or after a space.
 */
function joinSingles(chunks: string[]): string[] {
  const out: string[] = [];
  let run = '';
  let pendingForNext = '';
  const flushRun = () => {
    if (run.length === 0) return;
    const previous = out[out.length - 1];
    if (run.length > 1) out.push(run);
    else if (previous !== undefined && previous.trim() !== '') out[out.length - 1] = previous + run;
    else pendingForNext = run;
    run = '';
  };
  for (const chunk of chunks) {
    if (SINGLE_HAN.test(chunk)) {
      run += chunk;
      continue;
    }
    flushRun();
    if (pendingForNext && chunk.trim() !== '') {
      out.push(pendingForNext + chunk);
      pendingForNext = '';
    } else {
      if (pendingForNext) out.push(pendingForNext);
      pendingForNext = '';
      out.push(chunk);
    }
  }
  flushRun();
  if (pendingForNext) out.push(pendingForNext);
  return out;
}

/**
 * Moves closing marks to the end of the phrase before them and opening marks to the start of
 * the phrase after them, so a break between phrases never breaks a clreq rule. Spaces stay
 * their own break opportunity.
 */
function applyLineRules(chunks: string[]): string[] {
  const out: string[] = [];
  for (const chunk of chunks) {
    const previous = out[out.length - 1];
    const glueToPrevious =
      previous !== undefined &&
      previous.trim() !== '' &&
      chunk.trim() !== '' &&
      (NO_LINE_START.includes(chunk[0]!) || NO_LINE_END.includes(previous[previous.length - 1]!) || chunk.startsWith('——') || chunk.startsWith('……'));
    if (glueToPrevious) out[out.length - 1] = previous + chunk;
    else out.push(chunk);
  }
  return out;
}
