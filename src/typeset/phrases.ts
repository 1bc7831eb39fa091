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

/**
 * Phrases already found, by text. A build breaks each headline, kicker and deck on its
 * article view, its page view, its issue front and its share card, and BudouX with the word
 * segmenter is the dearest part of it (in the profile of a cold 30-issue build, 5.4 s of the
 * main thread, for texts each broken three or four times). Bounded, so a long archive cannot grow
 * it without end: when full it starts again.
 */
const memo = new Map<string, readonly string[]>();
const MEMO_LIMIT = 50_000;

/**
 * Forgets every phrase found. For `npm run test:mutation`: Stryker switches mutants inside one
 * loaded module, so a memo filled under one mutant (or none) would answer for the next.
 */
export function forgetPhrases(): void {
  memo.clear();
}

/** Splits `text` into unbreakable phrases; joining them gives `text` back unchanged. */
export function phrases(text: string): string[] {
  let found = memo.get(text);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    found = breakPhrases(text);
    memo.set(text, found);
  }
  // A copy: callers may change their array without changing what the next caller gets.
  return [...found];
}

function breakPhrases(text: string): string[] {
  if (text.length === 0) return [];
  const fromModel = boundaries(parser.parse(text));
  const fromWords = boundaries(Array.from(segmenter.segment(text), (s) => s.segment));
  const chunks: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    const spaceJoin = text[i - 1] === ' ' || text[i] === ' ';
    // A number keeps its unit (238分, 5G, 3D打印: clreq §3.1.7 keeps numbers and their
    // units on one line); a break before a number is fine where the word segmenter sees one.
    const afterDigit = DIGIT.test(text[i - 1]!);
    const beforeNumber = DIGIT.test(text[i]!) && !afterDigit && fromWords.has(i);
    if (((fromModel.has(i) && fromWords.has(i) && !afterDigit) || beforeNumber) || spaceJoin) {
      chunks.push(text.slice(start, i));
      start = i;
    }
  }
  chunks.push(text.slice(start));
  return keepQuotesWhole(applyLineRules(joinSingles(chunks)));
}

/** One Han character, with any quotation marks or brackets around it (味”, “新”). */
const SINGLE_HAN = /^[“‘「『（《]*\p{Script=Han}[”’」』）》，、。：；！？]*$/u;
const DIGIT = /^[0-9０-９]$/u;
/** A Chinese number word (七, 两, 千, 数) in a run of lone characters. */
const NUMERAL = /[〇一二三四五六七八九十百千万亿两数几]/u;
/** The longest phrase a run of lone characters may be glued into: a narrow column's line. */
const MAX_GLUED = 8;

/**
 * Both segmenters leave lone characters (历|下区, 治理|再|升级, 残疾|人|展|能|节) where they
 * disagree or lack a word; a line broken beside one of them reads as broken inside a word. A
 * run of lone characters is glued to the phrases on both sides (济南市历下区, 治理再升级) when
 * the result stays short enough for a narrow column. Otherwise: a run with a number word in it
 * joins the phrase after it (七|大课程体系, 两|条|地铁线路: a number leads what it counts); else it joins
 * the phrase before it when that fits (残疾|人展能节在), as a lone character most often ends the
 * word before it; else one character joins the phrase after it when that fits (高|质量), and
 * several stand as one phrase. A single character never stands alone (a line of one character).
 * tests/typeset-corpus.test.ts holds this to words an editor marked in real text.
 */
function joinSingles(chunks: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  const isWord = (chunk: string | undefined) => chunk !== undefined && chunk.trim() !== '';
  const fits = (text: string) => Array.from(text).length <= MAX_GLUED;
  while (i < chunks.length) {
    if (!SINGLE_HAN.test(chunks[i]!)) {
      out.push(chunks[i]!);
      i++;
      continue;
    }
    let run = '';
    while (i < chunks.length && SINGLE_HAN.test(chunks[i]!)) run += chunks[i++];
    const before = out[out.length - 1];
    const after = chunks[i];
    // Never glue into a phrase that opens with a bracket or quote: the break before it is a good one.
    const joinAfter = isWord(after) && !SINGLE_HAN.test(after!) && !NO_LINE_END.includes(after![0]!);
    const glued = (isWord(before) ? before! : '') + run + (joinAfter ? after! : '');
    if (fits(glued) && glued !== run) {
      if (isWord(before)) out.pop();
      out.push(glued);
      if (joinAfter) i++;
    } else if (joinAfter && NUMERAL.test(run) && fits(run + after)) {
      // Too long with both. A number and its measure word lead what they count (等七|大课程体系,
      // 超两|小时, 两条|地铁线路).
      out.push(run + after);
      i++;
    } else if (isWord(before) && fits(before + run)) {
      // Else the phrase before it, when that fits (残疾|人展能节在)…
      out[out.length - 1] = before + run;
    } else if (run.length === 1 && joinAfter && fits(run + after)) {
      // …or, for one character, the phrase after it (党建引领|高|质量)…
      out.push(run + after);
      i++;
    } else if (run.length > 1) {
      // …or several stand as one phrase.
      out.push(run);
    } else if (isWord(before)) {
      out[out.length - 1] = before + run;
    } else if (isWord(after)) {
      out.push(run + after);
      i++;
    } else {
      out.push(run);
    }
  }
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

/** A short quotation or title: 《…》, “…”, 「…」 of up to 8 characters reads as one term. */
const SHORT_QUOTE = /[“‘「『《〈]([^“”‘’「」『』《》〈〉]{1,8})[”’」』》〉]/gu;

/**
 * Keeps a short quotation whole: a headline that puts “书记论坛” in quotes names one thing,
 * and a break in it (“书记|论坛”) reads as two. Where the segmenters broke inside one, the
 * quotation becomes its own phrase: the breaks inside it go, and breaks right before and after
 * it come in where the line-start and line-end rules allow them. Joining alone made phrases
 * such as “书记论坛”有“新”论 too wide for a 390 px headline line.
 */
function keepQuotesWhole(units: string[]): string[] {
  const text = units.join('');
  const breaks = new Set<number>();
  let offset = 0;
  for (const unit of units) {
    if (offset > 0) breaks.add(offset);
    offset += unit.length;
  }
  let changed = false;
  for (const match of text.matchAll(SHORT_QUOTE)) {
    const start = match.index;
    const end = start + match[0].length;
    const inside = [...breaks].filter((b) => b > start && b < end);
    if (inside.length === 0) continue;
    changed = true;
    for (const b of inside) breaks.delete(b);
    for (const b of [start, end]) {
      // A space already is a break; otherwise no line may start with a closing mark or end with an opening one.
      const legal = b > 0 && b < text.length && !NO_LINE_START.includes(text[b]!) && !NO_LINE_END.includes(text[b - 1]!);
      if (legal && text[b] !== ' ' && text[b - 1] !== ' ') breaks.add(b);
    }
  }
  if (!changed) return units;
  const cuts = [0, ...[...breaks].sort((a, b) => a - b), text.length];
  return cuts.slice(1).map((cut, i) => text.slice(cuts[i], cut));
}
