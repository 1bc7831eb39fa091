import { defaultEmojiDir } from '../cards/emoji.ts';
import { loadFonts } from '../cards/fonts.ts';
import { articleCardInput, pageCardInput, type CardEdition } from '../cards/inputs.ts';
import { glyphWarnings } from '../cards/pipeline.ts';
import { cardFileName } from '../model/urls.ts';
import { articleId, lineOf, pageId, type PreflightPage } from './read-content.ts';
import { problem, type Problem } from './problem.ts';

/**
 * `missing-glyph`: characters the share cards cannot draw, found by the card code itself
 * (`glyphWarnings`, the same check the build runs on every card), so the pre-press check and
 * the build never disagree. The page card's headlines are its articles' and are checked there.
 */

// The paper's name is the site's option, not content: the check looks at content only.
const EDITION: CardEdition = { paperName: '', sample: false };

/** The card code's warning names its file first, for the build log; a problem carries the file already. */
const withoutFile = (message: string, file: string) => (message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message);

export async function glyphChecks(pages: PreflightPage[]): Promise<Problem[]> {
  if (pages.length === 0) return [];
  const fonts = await loadFonts();
  const emojiDir = defaultEmojiDir();
  const out: Problem[] = [];
  for (const page of pages) {
    const pageJob = { path: `${pageId(page)}/${cardFileName}`, source: page.file, input: pageCardInput(EDITION, page.data, []) };
    for (const w of glyphWarnings(pageJob, fonts, emojiDir)) {
      out.push(problem('missing-glyph', { file: page.file, page: pageId(page), line: lineOf(page.text, w.grapheme), message: withoutFile(w.message, page.file) }));
    }
    for (const article of page.articles) {
      const job = { path: `${articleId(page, article)}/${cardFileName}`, source: article.file, input: articleCardInput(EDITION, page.data, article.data) };
      for (const w of glyphWarnings(job, fonts, emojiDir)) {
        out.push(problem('missing-glyph', { file: article.file, page: pageId(page), article: articleId(page, article), line: lineOf(article.text, w.grapheme), target: { block: page.articles.indexOf(article) + 1, part: w.field === 'byline' ? 'byline' : 'headline' }, message: withoutFile(w.message, article.file) }));
      }
    }
  }
  return out;
}
