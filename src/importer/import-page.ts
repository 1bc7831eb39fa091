import { normalisePunctuation, summariseMarks } from '../typeset/punctuation.ts';
import { finishArticle, type DraftArticle, type Fragment } from './assemble-article.ts';
import { blockText, splitBlocks, type Block } from './blocks.ts';
import { parseByline } from './byline.ts';
import { parseCreditLine } from './credits.ts';
import { ImportError } from './errors.ts';
import { splitHeadline } from './headline.ts';
import { assertNothingLost } from './nothing-lost.ts';
import { checkIdentity, type PageIdentity } from './options.ts';
import { ReportBuilder, excerpt } from './report.ts';
import type { ImportedCredit, ImportedPage } from './types.ts';

/**
 * The importer's pipeline, pure: transcript text in, the parsed page with its report out.
 * 1. lines → blocks (blank-line runs noted); 2. punctuation normalised line by line;
 * 3. the block walk: credit lines to the page, `#` starts an article (kicker split off),
 * `##` right after it is the deck, a byline block ends the headline stack (text before it is
 * the lead), `###` starts a section, text is body; 4. per article, dropped-in blocks out,
 * column breaks mended, typos flagged (assemble-article.ts).
 */

/** Text that a Markdown/MDX renderer would treat as markup; it is kept as text, and said so. */
const MARKUP = /<\/?[A-Za-z][^>]*>|\{[^}]*\}|^\s*(?:import|export)\s+\S/;

/** Normalises the punctuation of every line of every block, reporting each line changed. */
function normaliseBlocks(blocks: Block[], report: ReportBuilder): void {
  for (const block of blocks) {
    block.lines = block.lines.map((text, i) => {
      const line = block.line + i;
      const result = normalisePunctuation(text);
      if (result.marks.length > 0) report.repair('punctuation', line, `made ASCII punctuation touching Chinese text full-width: ${summariseMarks(result.marks)}`);
      if (result.spacesRemoved > 0) report.repair('space', line, `removed ${result.spacesRemoved} stray space(s) beside CJK punctuation`);
      if (MARKUP.test(text)) report.warn('markup', line, `“${excerpt(text, 24)}” looks like HTML, JSX or MDX; it is kept as plain text and the site shows it as written`);
      return result.text.trim();
    });
  }
}

/** Takes credit lines out of a text block wherever they are; returns the lines left. */
function takeCredits(block: Block, credits: ImportedCredit[], report: ReportBuilder): string[] {
  return block.lines.filter((text, i) => {
    const parsed = parseCreditLine(text);
    if (!parsed) return true;
    credits.push(...parsed);
    report.repair('credits', block.line + i, `moved the credit line to the page credits: ${parsed.map((c) => `${c.role} ${c.names.join('、')}`).join('; ')}`);
    return false;
  });
}

function fragmentOf(block: Block, lines: string[]): Fragment {
  return {
    text: lines.join(''),
    line: block.line,
    lastLine: block.line + block.lines.length - 1,
    blanksBefore: block.blanksBefore,
    blanksAfter: block.blanksAfter,
  };
}

/**
 * Imports the transcript of one page. `source` names the transcript in messages. Throws an
 * `ImportError` for bad options or a transcript without a headline.
 */
export function importTranscript(text: string, identity: PageIdentity, source = 'the transcript'): ImportedPage {
  const { date, page, section } = checkIdentity(identity);
  const report = new ReportBuilder();
  const { blocks, blankRuns } = splitBlocks(text);
  if (!blocks.some((b) => b.kind === 'heading' && b.level === 1)) {
    throw new ImportError(`${source} has no headline: each article must start with a line \`# headline\` (a \`#\`, a space, the headline); add one above each article.`);
  }
  for (const run of blankRuns) report.repair('blank-lines', run.line, `removed a run of ${run.count} blank line(s)`);
  normaliseBlocks(blocks, report);

  const credits: ImportedCredit[] = [];
  const drafts: DraftArticle[] = [];
  let current: DraftArticle | undefined;
  let inStack = false;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const title = block.lines[0]!;
      if (block.level === 1) {
        if (title === '') {
          throw new ImportError(`${source}, line ${block.line}: the headline is empty; write the headline after the \`# \`.`, { line: block.line });
        }
        const split = splitHeadline(title);
        if (split.kicker !== undefined) {
          report.repair('kicker', block.line, `split the headline line into the kicker “${excerpt(split.kicker)}” and the headline “${excerpt(split.headline)}” at its inner space; check which is which`);
        } else if (/\p{Script=Han}\s+\p{Script=Han}/u.test(title)) {
          report.warn('kicker', block.line, `the headline “${excerpt(title, 24)}” has an inner space but reads as one line (short or parallel halves); if a kicker is merged into it, split it by hand`);
        }
        current = { line: block.line, headline: split.headline, preamble: [], byline: [], sections: [] };
        if (split.kicker !== undefined) current.kicker = split.kicker;
        drafts.push(current);
        inStack = true;
        continue;
      }
      if (!current) {
        throw new ImportError(`${source}, line ${block.line}: a heading comes before the first headline; start each article with a line \`# headline\`.`, { line: block.line });
      }
      if (title === '') {
        report.warn('unplaced-text', block.line, 'an empty heading was dropped');
        continue;
      }
      if (block.level === 2 && inStack && current.deck === undefined && current.preamble.length === 0) {
        current.deck = title;
        continue;
      }
      if (block.level === 2) report.warn('unplaced-text', block.line, `a \`##\` heading inside the article was taken as a section head (小标题)`);
      // A section head ends the headline stack; text waiting for a byline was body after all.
      if (inStack) {
        current.sections.push({ fragments: current.preamble });
        current.preamble = [];
        inStack = false;
      }
      current.sections.push({ heading: title, fragments: [] });
      continue;
    }

    const lines = takeCredits(block, credits, report);
    if (lines.length === 0) continue;
    if (!current) {
      throw new ImportError(
        `${source}, line ${block.line}: text before the first headline (“${excerpt(blockText(block), 20)}”); add a line \`# headline\` above it, or remove it if it is not part of the page.`,
        { line: block.line },
      );
    }
    // Only the headline stack ends in a byline: the stack closes at the byline or a section head.
    const byline = inStack ? parseByline(lines) : undefined;
    if (byline) {
      current.byline = byline;
      inStack = false;
      continue;
    }
    const fragment = fragmentOf(block, lines);
    if (inStack) {
      current.preamble.push(fragment);
      continue;
    }
    if (current.sections.length === 0) current.sections.push({ fragments: [] });
    current.sections[current.sections.length - 1]!.fragments.push(fragment);
  }

  const articles = drafts.map((draft) => {
    // No byline ever came: the text after the headline stack is body, not lead.
    if (draft.preamble.length > 0 && draft.byline.length === 0) {
      draft.sections.unshift({ fragments: draft.preamble });
      draft.preamble = [];
    }
    return finishArticle(draft, report);
  });
  const result: ImportedPage = { page: { date, number: page, section, credits }, articles, report: report.build() };
  assertNothingLost(text, result, source);
  return result;
}
