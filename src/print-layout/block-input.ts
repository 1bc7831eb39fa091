/**
 * Turns an article as the site reads it into what the placement algorithm measures:
 * lengths only, in characters (code points, since every Han character is one em wide).
 */
import type { ArticleData } from '../schemas/article.ts';
import type { BodySection } from '../model/body.ts';
import type { BlockInput } from './place.ts';

const length = (text: string) => Array.from(text).length;

export function blockInput(id: string, data: ArticleData, sections: BodySection[], rawBody = ''): BlockInput {
  const paragraphs = sections.flatMap((s) => s.paragraphs.map(length));
  return {
    id,
    headline: data.headline,
    kicker: data.kicker,
    deck: data.deck,
    lead: data.lead,
    bylineLines: data.byline.length,
    // An MDX article renders itself; its source length stands in for its paragraphs.
    paragraphs: paragraphs.length > 0 || rawBody.trim() === '' ? paragraphs : [length(rawBody)],
    sectionHeads: sections.filter((s) => s.heading !== undefined).length,
    captions: data.figures.map((f) => length(f.caption) + (f.credit ? length(f.credit) + 1 : 0)),
    placement: data.placement,
  };
}
