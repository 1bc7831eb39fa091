import { findDoubledCharacters } from '../importer/typos.ts';
import { articleId, lineOf, pageId, type PreflightArticle, type PreflightPage } from './read-content.ts';
import { problem, type Problem } from './problem.ts';

/**
 * The checks that need only the content files: credits, bylines, figures without an image,
 * suspected typos (the importer's own rule), unpaired quotation marks and brackets, and a
 * headline used twice in one issue. Pure functions of the files' data and text.
 */

/** Opening and closing marks that must pair within one field (GB/T 15834 引号, 括号, 书名号). */
const PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》'], ['「', '」'], ['『', '』'], ['【', '】']];

/** The first mark of `text` left open or closed without an opening, or undefined. */
export function unpairedMark(text: string): { mark: string; open: boolean } | undefined {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const c of text) {
      if (c === open) depth++;
      else if (c === close && --depth < 0) return { mark: close, open: false };
    }
    if (depth > 0) return { mark: open, open: true };
  }
  return undefined;
}

const short = (text: string, at = 0) => {
  const chars = Array.from(text);
  return chars.length > 16 ? `${chars.slice(Math.max(0, at - 6), Math.max(0, at - 6) + 16).join('')}…` : text;
};

function articleChecks(page: PreflightPage, article: PreflightArticle): Problem[] {
  const out: Problem[] = [];
  const base = { file: article.file, page: pageId(page), article: articleId(page, article) };
  // The article's block on its page view: blocks stand in the order of the page's articles.
  const block = page.articles.indexOf(article) + 1;
  const { data } = article;
  const title = `「${data.headline.join(' ')}」`;
  if (data.byline.length === 0) {
    out.push(problem('missing-byline', { ...base, line: lineOf(article.text, 'headline:'), target: { block, part: 'headline' }, message: `The article ${title} has no byline. Add \`byline\` (role and names, for example 记者 王小明), or confirm that the page prints it without one.` }));
  }
  data.figures.forEach((figure, index) => {
    if (figure.image) return;
    out.push(problem('figure-without-image', { ...base, line: lineOf(article.text, figure.caption), target: { block, part: 'figure', index }, message: `Figure ${index + 1} of ${title} (“${short(figure.caption)}”) has no image file; the page shows a neutral frame with its caption. Add \`image\` to the figure when the photo is available.` }));
  });
  // Line by line, so each typo is reported at its line: every field and paragraph is one line.
  article.text.split('\n').forEach((text, i) => {
    for (const typo of findDoubledCharacters(text)) {
      const paragraph = article.paragraphs.findIndex((p) => p.includes(text.trim()));
      out.push(problem('suspected-typo', { ...base, line: i + 1, target: paragraph >= 0 ? { block, part: 'body', index: paragraph } : { block, part: 'headline' }, message: `“${typo.char}${typo.char}” in “${typo.context}” looks like a character keyed twice. Delete one “${typo.char}” if it is a slip; leave it if the doubling is meant.` }));
    }
  });
  const fields: [string, string | undefined, Problem['target']][] = [
    ['kicker (引题)', data.kicker, { block, part: 'headline' }],
    ['headline (主题)', data.headline.join(''), { block, part: 'headline' }],
    ['deck (副题)', data.deck, { block, part: 'headline' }],
    ['lead (导语)', data.lead, { block, part: 'body' }],
    ...data.figures.map((f, index): [string, string, Problem['target']] => [`caption of figure ${index + 1}`, f.caption, { block, part: 'figure', index }]),
  ];
  for (const [name, text, target] of fields) {
    const found = text && unpairedMark(text);
    if (found) out.push(unpaired(base, article, name, text, found, target));
  }
  article.paragraphs.forEach((text, index) => {
    const found = unpairedMark(text);
    // A quotation running over several paragraphs opens each with “ and closes only at its
    // end (GB/T 15834-2011, 4.1.3.3): an open “ is fine when the next paragraph opens with one.
    if (!found || (found.open && found.mark === '“' && article.paragraphs[index + 1]?.startsWith('“'))) return;
    out.push(unpaired(base, article, `paragraph ${index + 1}`, text, found, { block, part: 'body', index }));
  });
  return out;
}

function unpaired(base: Pick<Problem, 'file' | 'page' | 'article'>, article: PreflightArticle, name: string, text: string, found: { mark: string; open: boolean }, target: Problem['target']): Problem {
  const what = found.open ? `opens “${found.mark}” and never closes it` : `closes with “${found.mark}” that nothing opened`;
  return problem('unpaired-mark', { ...base, line: lineOf(article.text, text.slice(0, 12)), target, message: `The ${name} (“${short(text)}”) ${what}. Add the missing mark or delete the stray one.` });
}

/** Content checks of one issue's pages. */
export function contentChecks(pages: PreflightPage[]): Problem[] {
  const out: Problem[] = [];
  const headlines = new Map<string, { page: PreflightPage; article: PreflightArticle }>();
  for (const page of pages) {
    if (page.data.credits.length === 0) {
      out.push(problem('missing-credits', { file: page.file, page: pageId(page), target: { part: 'credits' }, message: `Page ${page.data.number} of ${page.date} has no credit line. Add \`credits\` to ${page.file} (编辑, 美编, 组版… with their names).` }));
    }
    for (const article of page.articles) {
      out.push(...articleChecks(page, article));
      const key = `${page.date}\u0000${article.data.headline.join('')}`;
      const first = headlines.get(key);
      if (first) {
        out.push(problem('duplicate-headline', { file: article.file, page: pageId(page), article: articleId(page, article), line: lineOf(article.text, 'headline:'), target: { block: page.articles.indexOf(article) + 1, part: 'headline' }, message: `The headline 「${article.data.headline.join(' ')}」 is also the headline of ${first.article.file} on page ${first.page.data.number}. Remove the copy placed twice, or give one of them its own headline.` }));
      } else headlines.set(key, { page, article });
    }
  }
  return out;
}
