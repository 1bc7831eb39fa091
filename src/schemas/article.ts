import { z } from 'astro/zod';
import { bylineSchema } from './byline.ts';
import { figureSchema } from './figure.ts';
import { optionalText, pageNumberSchema, requiredText } from './common.ts';
import { list, optional, record } from './records.ts';

const wholeNumber = (what: string, min: number) =>
  z
    .number({ error: `expected ${what} as a whole number` })
    .int({ error: `expected ${what} as a whole number, such as ${min}` })
    .min(min, { error: `expected ${what} as a whole number from ${min} up` });

/**
 * Optional overrides of where the print layout (src/print-layout/place.ts) places an article on
 * its page; anything not given is placed automatically from article order and length.
 * Overrides never make blocks overlap: a block that does not fit its row moves to the next.
 */
export const placementSchema = record(
  { noun: 'the placement', aliases: { column: 'columns', cols: 'columns', width: 'columns', span: 'columns', rows: 'row' } },
  {
    /**
     * How many basic columns (基本栏) the article block spans, from 1 to the page's grid (8 on a
     * broadsheet, 6 on a tabloid); a larger number is read as the whole width. Example: `columns: 3`.
     */
    columns: optional(wholeNumber('the number of basic columns', 1).max(16, { error: 'expected at most 16 columns' })),
    /**
     * The row of blocks the article is placed in, 1 for the top row; articles with the same row
     * share it, left to right in reading order. Rows are numbered without gaps on the page, so
     * `row: 5` on a three-row page is the last row. Example: `row: 1` beside the lead.
     */
    row: optional(wholeNumber('the row', 1)),
  },
);

/** Characters of a slug: it is the last segment of the article's URL. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An article: one Markdown file in its issue's folder. The front matter carries the headline
 * stack and the metadata; the body is plain paragraphs with `###` section heads (小标题).
 */
export const articleSchema = record(
  {
    noun: 'an article',
    aliases: {
      title: 'headline', heading: 'headline', head: 'headline', subtitle: 'deck', subheadline: 'deck', subhead: 'deck',
      overline: 'kicker', supertitle: 'kicker', pretitle: 'kicker', author: 'byline', authors: 'byline', by: 'byline',
      credits: 'byline', summary: 'lead', intro: 'lead', standfirst: 'lead', description: 'lead', images: 'figures',
      image: 'figures', photos: 'figures', pictures: 'figures', figure: 'figures', tag: 'tags', keywords: 'tags',
      position: 'order', number: 'page', url: 'slug', layout: 'placement',
    },
  },
  {
    /** The page (版次) the article is printed on; a page file with this number must exist. */
    page: pageNumberSchema,
    /** Reading order on the page, 1 for the page's lead article; unique within the page. */
    order: wholeNumber("the article's order on its page (1 for the lead article)", 1),
    /** 引题 kicker: the small line above the headline that gives context. */
    kicker: optional(optionalText('the kicker (引题)')),
    /** 主题 headline; a list gives its lines as printed, one per line. */
    headline: z
      .union([requiredText('the headline (主题)'), z.array(requiredText('the headline line')).min(1, { error: 'the list is empty; write the headline (主题)' })], {
        error: 'expected the headline (主题): one line of text, or a list of its printed lines',
      })
      .transform((value) => (typeof value === 'string' ? [value] : value)),
    /** 副题 deck: the line below the headline that adds facts. */
    deck: optional(optionalText('the deck (副题)')),
    /** 导语 lead: the opening paragraph set apart under the headline stack. */
    lead: optional(optionalText('the lead (导语)')),
    /** The byline, one entry per printed line. */
    byline: list(bylineSchema, 'byline entries (role and names)'),
    /** Photos and graphics with their captions. */
    figures: list(figureSchema, 'figures (caption, and image when there is one)'),
    /** Subject tags, for navigation and search; a single tag may be written without brackets. */
    tags: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? [value] : value),
      list(requiredText('the tag'), 'tags, for example tags: [民俗, 夜市]'),
    ),
    /**
     * The last segment of the article's URL: lower-case ASCII letters, digits and hyphens. By
     * default it comes from the file name (see `slugFromFileName` in src/model/urls.ts), so
     * the URL never changes when articles are reordered; give `slug` to choose another.
     */
    slug: optional(
      z
        .union([z.string(), z.number().int().nonnegative()], { error: 'expected a slug such as weather (lower-case letters, digits and hyphens)' })
        .transform((value) => String(value).trim())
        .refine((value) => SLUG_PATTERN.test(value), {
          error: 'expected a slug of lower-case ASCII letters, digits and single hyphens, such as weather or day-2',
        }),
    ),
    /** Overrides of the automatic print placement. */
    placement: optional(placementSchema),
  },
);

export type ArticleData = z.output<typeof articleSchema>;
