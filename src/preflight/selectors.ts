/**
 * The page view's markup as the pre-press check reads it: what a block, its headline, its
 * body columns and its paragraphs are. The one place that knows the class names, shared by
 * the measurement in Chromium and the dev toolbar app that outlines what it found.
 */
export const SELECTORS = {
  /** The printed page: its font size is the body size, \`--np-columns\` its basic columns. */
  print: '.np-print',
  /** An article block, in reading order. */
  block: 'article.np-block',
  /** The headline (主题) of a block or of the article view. */
  headline: '.np-headline',
  /** A block's body, set in balanced columns. */
  body: '.np-block-body',
  /** The lead (导语) when it is set in the body's flow, not beside it. */
  leadInFlow: '.np-block-body > .np-lead',
  /** Justified text of a block: the lead in the flow and the body paragraphs. */
  paragraphs: '.np-block-body > .np-lead, .np-block-body .np-article-body p',
  /** Body paragraphs alone, in order (the toolbar's `body` target). */
  bodyParagraphs: '.np-article-body p',
  byline: '.np-byline',
  figure: '.np-figure',
  credits: '.np-credit-line',
  /** The article of the article view. */
  article: 'article.np-article',
} as const;

export type Selectors = typeof SELECTORS;
