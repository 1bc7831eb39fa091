import { COLUMN_LEVEL } from '../print-layout/column-white.ts';
import { SHEET, SHEET_FIT, SHEET_UNDERSET } from '../print-layout/sheet.ts';
import { COLUMN_CHARS } from '../print-layout/metrics.ts';
import type { BlockMeasure, PageMeasure } from './measure-page.ts';
import { articleId, lineOf, pageId, type PreflightArticle, type PreflightPage } from './read-content.ts';
import { problem, type Problem } from './problem.ts';

/**
 * The layout checks: a page view measured in Chromium at the sheet's width (measure-page.ts)
 * turned into problems, each against the content file an editor would change.
 */

/**
 * Extra space between characters, in em, beyond which a justified line shows holes: a third
 * of an em between every two characters reads as a word space, which Chinese text has none
 * of. Lines that end early only because a closing mark may not start a line (clreq 3.1.7)
 * stay under it or are left alone: only a line pushed apart by an unbreakable run counts.
 */
export const STRETCH_LIMIT = 1 / 3;

/**
 * The unbreakable run that opens the next line (within its first three characters, after a
 * character and opening marks glued to it): a Latin word, a number, a URL, `2+1+N+X`, at
 * least three characters long. A run of Han characters breaks anywhere and is never one.
 */
export function unbreakableRun(nextLine: string): string | undefined {
  const match = /^.{0,3}?([A-Za-z0-9][\x21-\x7e]{2,})/u.exec(nextLine);
  return match?.[1];
}
/**
 * Body columns of one block may end at most this many lines apart: the most the page make-up
 * itself accepts (`COLUMN_LEVEL.most`), so the check never flags a page the make-up meant,
 * plus a tenth of a line for the measurement (line boxes at fractional px; a frame's 1 px
 * rule). A figure that cannot split leaves columns a fraction of a line apart (0.31 measured
 * on the planted page), so anything a tenth past the limit is a real fault, not rounding.
 */
export const COLUMN_SPREAD_LIMIT = COLUMN_LEVEL.most + 0.1;
/**
 * A headline line may wrap to at most two lines in its block: the rule the placement uses to
 * choose its size step (src/print-layout/estimate.ts, `headlineStep`).
 */
export const HEADLINE_LINES_PER_LINE = 2;

const round100 = (n: number) => Math.max(100, Math.round(n / 100) * 100).toLocaleString('en');

/**
 * Characters of body text that `px` of page height holds across the page: lines of body
 * text times the page's basic columns times the characters a basic column holds (10,
 * `COLUMN_CHARS`). Headlines and figures take more room than text, so this is what an
 * editor cuts or adds in the body.
 */
const charsIn = (px: number, m: PageMeasure) => (Math.abs(px) / m.bodyLine) * m.columns * COLUMN_CHARS;

export function layoutChecks(page: PreflightPage, measure: PageMeasure): Problem[] {
  const out: Problem[] = [];
  const id = pageId(page);
  const fit = SHEET.height * SHEET_FIT;
  const ratio = measure.height / SHEET.height;
  if (measure.height > fit) {
    // The article whose block crosses the sheet's foot is the one to cut or move.
    const crossing = measure.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.bottom > fit).sort((x, y) => y.b.bottom - x.b.bottom)[0];
    const article = crossing && page.articles[crossing.i];
    const cut = round100(charsIn(measure.height - fit, measure));
    out.push(problem('overset', {
      file: article?.file ?? page.file,
      page: id,
      ...(article ? { article: articleId(page, article), target: { block: crossing.i + 1 } } : {}),
      message: `Page ${page.data.number} of ${page.date} is ${ratio.toFixed(2)}× its A3 sheet at the designed type size${article ? `; 「${article.data.headline.join(' ')}」 runs past the foot of the sheet` : ''}. Cut about ${cut} characters or move an article to another page.`,
    }));
  } else if (measure.height < SHEET.height * SHEET_UNDERSET) {
    const add = round100(charsIn(fit - measure.height, measure));
    out.push(problem('underset', { file: page.file, page: id, message: `Page ${page.data.number} of ${page.date} fills only ${Math.round(ratio * 100)}% of its A3 sheet, leaving ${Math.round((1 - ratio) * 100)}% empty. Add about ${add} characters (an article, a photo) or give a block more columns.` }));
  }
  measure.blocks.forEach((block, i) => {
    const article = page.articles[i];
    if (article) out.push(...blockChecks(page, article, block, i + 1));
  });
  return out;
}

function blockChecks(page: PreflightPage, article: PreflightArticle, block: BlockMeasure, position: number): Problem[] {
  const out: Problem[] = [];
  const base = { file: article.file, page: pageId(page), article: articleId(page, article) };
  const title = `「${article.data.headline.join(' ')}」`;
  const allowed = block.headlinePrinted * HEADLINE_LINES_PER_LINE;
  if (block.headlineLines > allowed) {
    out.push(problem('headline-too-long', { ...base, line: lineOf(article.text, 'headline:'), target: { block: position, part: 'headline' }, message: `The headline ${title} takes ${block.headlineLines} lines in its block, more than the ${allowed} its size allows. Shorten it, split it into printed lines (a list under \`headline\`), or give the block more columns (\`placement.columns\`).` }));
  }
  if (block.columns > 1 && block.columnSpread > COLUMN_SPREAD_LIMIT) {
    out.push(problem('unlevel-columns', { ...base, target: { block: position, part: 'body' }, message: `The ${block.columns} body columns of ${title} end ${block.columnSpread.toFixed(1)} lines apart (more than ${COLUMN_LEVEL.most}). Level them: shorten or lengthen the text by a few lines, move a figure, or set \`placement.columns\`.` }));
  }
  for (const s of block.stretched) {
    const run = unbreakableRun(s.run);
    if (s.stretch <= STRETCH_LIMIT || !run) continue;
    const index = block.leadInFlow ? s.paragraph - 1 : s.paragraph;
    const text = index < 0 ? article.data.lead ?? '' : article.paragraphs[index] ?? '';
    out.push(problem('stretched-line', {
      ...base,
      line: lineOf(article.text, text.slice(0, 20)),
      target: { block: position, part: 'body', ...(index >= 0 ? { index } : {}) },
      message: `A justified line of ${index < 0 ? 'the lead' : `paragraph ${index + 1}`} of ${title} (“${s.line}”) is stretched by ${s.stretch.toFixed(2)} em between characters because “${run}” cannot break. Shorten the run, let it break (a URL without its scheme, a number in 万 or 亿), or reword the line.`,
    }));
  }
  return out;
}
