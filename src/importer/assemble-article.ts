import { normalisePunctuation, summariseMarks } from '../typeset/punctuation.ts';
import { marksPhotos } from './byline.ts';
import { breakSignals, endsSentence, showJoin, showsBreak, type BreakSignal } from './column-breaks.ts';
import { captionFigure, isWhole, looksLikeCaption, looksLikeLead, type ArticleFacts } from './dropped-blocks.ts';
import { excerpt, type ReportBuilder } from './report.ts';
import { findDoubledCharacters } from './typos.ts';
import type { ImportedArticle, ImportedBylineEntry, ImportedFigure } from './types.ts';

/**
 * The second half of the pipeline, per article: dropped-in blocks taken out of the body, then
 * column breaks mended, then suspected typos flagged. The order matters: a caption dropped
 * inside a cut paragraph must leave before the halves can be joined around it.
 */

/** A text block of the body as the transcript has it, before any mending. */
export interface Fragment {
  text: string;
  /** 1-based line of the fragment's first and last line. */
  line: number;
  lastLine: number;
  blanksBefore: number;
  blanksAfter: number;
}

export interface DraftSection {
  heading?: string;
  fragments: Fragment[];
}

/** An article as the block walk collects it. */
export interface DraftArticle {
  line: number;
  kicker?: string;
  headline: string;
  deck?: string;
  /** Text before the byline: the lead, when the article has a byline. */
  preamble: Fragment[];
  byline: ImportedBylineEntry[];
  sections: DraftSection[];
}

const SIGNAL_NAMES: Record<BreakSignal, string> = {
  'no-final-punctuation': 'no sentence-final punctuation',
  'open-quote': 'an unclosed quotation mark',
  'closing-mark-at-start': 'the next part opens with a closing mark',
  'word-spans-join': 'a word spans the join',
};

/** Joins the fragments of one run (a section or the preamble) across column breaks. */
function mendBreaks(fragments: readonly Fragment[], report: ReportBuilder): Fragment[] {
  const out: Fragment[] = [];
  for (const fragment of fragments) {
    const last = out[out.length - 1];
    const signals = last ? breakSignals(last.text, fragment.text) : [];
    if (last && signals.length > 0) {
      report.repair(
        'column-break',
        last.lastLine,
        `joined lines ${last.lastLine} and ${fragment.line} into one paragraph (${showJoin(last.text, fragment.text)}): ${signals.map((s) => SIGNAL_NAMES[s]).join(', ')}`,
      );
      // A mark at the edge of a fragment may only touch Chinese text across the join.
      const joined = normalisePunctuation(last.text + fragment.text);
      if (joined.marks.length > 0) report.repair('punctuation', fragment.line, `made ASCII punctuation at the join full-width: ${summariseMarks(joined.marks)}`);
      if (joined.spacesRemoved > 0) report.repair('space', fragment.line, `removed ${joined.spacesRemoved} stray space(s) beside CJK punctuation at the join`);
      out[out.length - 1] = { ...last, text: joined.text, lastLine: fragment.lastLine, blanksAfter: fragment.blanksAfter };
    } else {
      out.push({ ...fragment });
    }
  }
  return out;
}

/**
 * True when fragment `i` sits where a dropped-in block sits: set off by blank lines (`hinted`
 * pass), or inside a column break that shows: `before`, the paragraph it would continue, and
 * the fragment after it join (the other pass).
 */
function isDroppedIn(list: readonly Fragment[], i: number, hinted: boolean, before: string | undefined): boolean {
  const fragment = list[i]!;
  if (!isWhole(fragment.text)) return false;
  if (fragment.blanksBefore >= 2 || fragment.blanksAfter >= 2) return true;
  if (hinted || before === undefined || i + 1 >= list.length) return false;
  return showsBreak(before, list[i + 1]!.text);
}

/**
 * Takes out of the body the fragments `accept` claims, in body order. Fragments set off by a
 * run of blank lines are tried first: that hint is stronger than an interrupted sentence, so
 * a whole dated sentence that merely continues a cut paragraph is not taken for a lead.
 */
function takeDropped(sections: DraftSection[], accept: (fragment: Fragment, hinted: boolean) => boolean): void {
  for (const hinted of [true, false]) {
    for (const section of sections) {
      const list = section.fragments;
      // The paragraph so far, joined where breaks show, as mendBreaks will join it.
      let before: string | undefined;
      for (let i = 0; i < list.length; i++) {
        const fragment = list[i]!;
        if (isDroppedIn(list, i, hinted, before) && accept(fragment, hinted)) {
          list.splice(i, 1);
          i--;
          continue;
        }
        if (!hinted) before = before !== undefined && showsBreak(before, fragment.text) ? before + fragment.text : fragment.text;
      }
    }
  }
}

/** Flags doubled characters in one text of the article. */
function flagTypos(text: string | undefined, line: number, report: ReportBuilder): void {
  if (text === undefined) return;
  for (const typo of findDoubledCharacters(text)) {
    report.warn('suspected-typo', line, `the character ${typo.char} is doubled in “${typo.context}”; check the print and correct the content file if it is a typo (left as transcribed)`);
  }
}

/** Turns a draft into the article of the contract, reporting every repair. */
export function finishArticle(draft: DraftArticle, report: ReportBuilder): ImportedArticle {
  const facts: ArticleFacts = {
    headlineStack: [draft.kicker, draft.headline, draft.deck].filter((t) => t !== undefined).join(' '),
    photoByline: draft.byline.some((b) => marksPhotos(b.mark) || /摄/u.test(b.role)),
  };
  let leadLine: number | undefined;

  // The lead printed before the byline, as article 1 of the sample has it.
  const preamble = mendBreaks(draft.preamble, report);
  if (preamble.length > 0) {
    facts.lead = preamble[0]!.text;
    leadLine = preamble[0]!.line;
    if (preamble.length > 1) {
      report.warn('unplaced-text', preamble[1]!.line, `${preamble.length - 1} paragraph(s) between the lead and the byline were put at the start of the body; move them if they belong elsewhere`);
      const first = draft.sections[0];
      if (first && first.heading === undefined) first.fragments.unshift(...preamble.slice(1));
      else draft.sections.unshift({ fragments: preamble.slice(1) });
    }
  }

  // A lead dropped into the body (D5), then captions (D2), which may repeat the lead.
  takeDropped(draft.sections, (fragment) => {
    if (!looksLikeLead(fragment.text, facts)) return false;
    facts.lead = fragment.text;
    leadLine = fragment.line;
    report.repair('lead', fragment.line, `moved a lead dropped into the body (“${excerpt(fragment.text)}”) to the article's lead`);
    return true;
  });
  const figures: ImportedFigure[] = [];
  takeDropped(draft.sections, (fragment, hinted) => {
    if (!looksLikeCaption(fragment.text, facts, hinted)) return false;
    figures.push(captionFigure(fragment.text));
    report.repair('caption', fragment.line, `moved a photo caption dropped into the body (“${excerpt(fragment.text)}”) to the article's figures`);
    return true;
  });

  const sections = draft.sections
    .map((section) => {
      const paragraphs = mendBreaks(section.fragments, report);
      for (const p of paragraphs) {
        if (!endsSentence(p.text)) {
          report.warn('unfinished-paragraph', p.lastLine, `the paragraph “${excerpt(p.text)}” ends without sentence-final punctuation and nothing follows it in its section; check for lost text`);
        }
        flagTypos(p.text, p.line, report);
      }
      return { heading: section.heading, paragraphs: paragraphs.map((p) => p.text) };
    })
    .filter((s) => s.heading !== undefined || s.paragraphs.length > 0);

  flagTypos(draft.kicker, draft.line, report);
  flagTypos(draft.headline, draft.line, report);
  flagTypos(facts.lead, leadLine ?? draft.line, report);

  const article: ImportedArticle = {
    ...(draft.kicker !== undefined && { kicker: draft.kicker }),
    headline: draft.headline,
    ...(draft.deck !== undefined && { deck: draft.deck }),
    ...(facts.lead !== undefined && { lead: facts.lead }),
    byline: draft.byline,
    sections: sections.map((s) => (s.heading === undefined ? { paragraphs: s.paragraphs } : { heading: s.heading, paragraphs: s.paragraphs })),
    figures,
  };
  return article;
}
