/**
 * Turns an article as the site reads it into what the placement algorithm measures: lengths
 * in characters (code points, since every Han character is one em wide), and the body and
 * captions as set: each paragraph's lines in one basic column (line-breaks.ts), section heads
 * and captions as the phrases they break between (src/typeset/phrases.ts).
 */
import type { ArticleData } from '../schemas/article.ts';
import type { BodySection } from '../model/body.ts';
import { phrases } from '../typeset/phrases.ts';
import type { BodyPart } from './estimate.ts';
import { countLines } from './line-breaks.ts';
import { COLUMN_CHARS, COLUMN_SLACK, INDENT } from './metrics.ts';
import type { BlockInput } from './place.ts';

const length = (text: string) => Array.from(text).length;
const COLUMN = COLUMN_CHARS + COLUMN_SLACK;

/**
 * `rawBody` is the source of an MDX article, and only of one (PageView passes '' for Markdown):
 * an MDX article renders itself and has no Markdown paragraphs, so its source length stands in
 * for them.
 */
export function blockInput(id: string, data: ArticleData, sections: BodySection[], rawBody = ''): BlockInput {
  const paragraphs = sections.flatMap((s) => s.paragraphs.map(length));
  const mdx = rawBody.trim() !== '';
  const body: BodyPart[] = mdx
    ? [{ lines: countLines(rawBody.replace(/\s+/g, ''), COLUMN, { indent: INDENT }) }]
    : sections.flatMap((s) => [
        ...(s.heading !== undefined ? [{ head: phrases(s.heading) }] : []),
        ...s.paragraphs.map((p) => ({ lines: countLines(p, COLUMN, { indent: INDENT }) })),
      ]);
  // The byline prints one line per entry (Byline.astro), in bold; a long entry wraps.
  const bylineLines = data.byline.reduce((n, e) => n + countLines(`${e.mark ? `${e.mark} ` : ''}${e.role} ${e.names.join(' ')}`, COLUMN, { bold: true }), 0);
  return {
    id,
    headline: data.headline,
    kicker: data.kicker,
    deck: data.deck,
    lead: data.lead,
    bylineLines,
    paragraphs: mdx ? [length(rawBody)] : paragraphs,
    sectionHeads: sections.filter((s) => s.heading !== undefined).length,
    captions: data.figures.map((f) => length(f.caption) + (f.credit ? length(f.credit) + 1 : 0)),
    imageFigures: data.figures.filter((f) => f.image !== undefined).length,
    set: { body, captions: data.figures.map((f) => [...phrases(f.caption), ...(f.credit ? Array.from(` ${f.credit}`) : [])]) },
    placement: data.placement,
  };
}
