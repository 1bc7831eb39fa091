import { endsSentence, hasOpenQuote } from './column-breaks.ts';
import type { ImportedFigure } from './types.ts';

/**
 * Blocks the print layout dropped into the text (samples/2023-07-02-A03/ANATOMY.md D2, D5): a photo caption and an
 * article's lead that the transcript placed inside another paragraph. A dropped-in block is a
 * whole text (it ends a sentence, its quotes are balanced) that interrupts an unfinished
 * paragraph or is set off by a run of blank lines, and that reads as a caption or a lead:
 *
 * - caption (图片说明): repeats part of the lead (dated, or 20+ characters), or ends with a
 *   photographer's credit (`记者 X 摄`), or is one short dated sentence set off by blank lines
 *   in an article whose byline credits photos (`文/片`);
 * - lead (导语): the article has no lead yet, the block starts with a date (`6月29日，`) and
 *   repeats facts of the headline stack (a number such as 238, or four characters in a row);
 *   one short sentence under a photo byline is a caption instead.
 */

/** How news text dates an event: `6月29日`, `1日上午`, `2023年7月1日`, `日前`, `近日`… */
const DATE_START = /^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日|^(?:日前|近日|昨日|昨天|今天|今日|当日|当天|本报讯)/u;
/** A photographer's credit at the end of a caption: `记者 夏侯凤超 摄`, `（张三 摄）`. */
const PHOTO_CREDIT = /(?:\s+|[（(]|(?<=[。！？]))((?:本报)?(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生)?\s*[\p{Script=Han}·]{2,8}\s+摄)[）)]?。?$/u;
const SENTENCE_END = /[。！？!?]/gu;
/** The longest a caption can be; captions are one or two short sentences. */
const CAPTION_MAX = 120;

export interface ArticleFacts {
  /** Kicker, headline and deck, to compare a candidate lead with. */
  headlineStack: string;
  lead?: string;
  /** The byline credits photos to the writer (`文/片`) or to a photographer. */
  photoByline: boolean;
}

/** True when `text` is a complete text that could stand on its own (a caption may end in its credit). */
export function isWhole(text: string): boolean {
  return (endsSentence(text) || PHOTO_CREDIT.test(text)) && !hasOpenQuote(text);
}

/** True when `text` opens with a date or a dating phrase, as captions and leads do. */
export function startsWithDate(text: string): boolean {
  return DATE_START.test(text);
}

function sentenceCount(text: string): number {
  return (text.match(SENTENCE_END) ?? []).length || 1;
}

/** True when `text` repeats a fact of the headline stack: a number of 2+ digits or 4 Han characters in a row. */
export function repeatsHeadline(text: string, headlineStack: string): boolean {
  for (const [number] of headlineStack.matchAll(/\d{2,}/g)) if (text.includes(number)) return true;
  for (const [run] of headlineStack.matchAll(/\p{Script=Han}{4,}/gu)) {
    const chars = Array.from(run);
    for (let i = 0; i + 4 <= chars.length; i++) if (text.includes(chars.slice(i, i + 4).join(''))) return true;
  }
  return false;
}

/** True when a whole dropped-in `text` reads as the article's lead. */
export function looksLikeLead(text: string, facts: ArticleFacts): boolean {
  if (facts.lead !== undefined || !isWhole(text)) return false;
  // One short sentence under a photo byline is a caption, even when it repeats the headline.
  if (facts.photoByline && sentenceCount(text) <= 1 && text.length <= 60) return false;
  return startsWithDate(text) && repeatsHeadline(text, facts.headlineStack) && sentenceCount(text) <= 5;
}

/**
 * True when a whole dropped-in `text` reads as a photo caption. `hinted`: it is set off by a
 * run of blank lines. A dated short sentence under a photo byline is common in body text too,
 * so that weakest reading needs the hint.
 */
export function looksLikeCaption(text: string, facts: ArticleFacts, hinted: boolean): boolean {
  if (!isWhole(text) || text.length > CAPTION_MAX) return false;
  const core = text.replace(/[。！？]+$/u, '');
  // A short continuation can repeat a phrase of the lead by chance: a repeated caption is
  // dated, as captions are, or long enough that chance is out of the question.
  const repeatsLead = facts.lead !== undefined && facts.lead.includes(core);
  if (repeatsLead && ((startsWithDate(text) && core.length >= 8) || core.length >= 20)) return true;
  if (PHOTO_CREDIT.test(text)) return true;
  return hinted && facts.photoByline && startsWithDate(text) && sentenceCount(text) <= 2;
}

/** A caption as a figure: a photographer's credit at its end is split off, as printed. */
export function captionFigure(text: string): ImportedFigure {
  const match = PHOTO_CREDIT.exec(text);
  if (match && match.index > 0) {
    const caption = text.slice(0, match.index).replace(/[\s（(]+$/u, '').trim();
    if (caption !== '') return { caption, credit: match[1]!.trim() };
  }
  return { caption: text };
}
