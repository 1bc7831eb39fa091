import { z } from 'astro/zod';
import { bylineSchema } from './byline.ts';
import { figureSchema } from './figure.ts';
import { pageNumberSchema, requiredText } from './common.ts';

/**
 * Optional overrides of where the print layout (src/print-layout/place.ts) places an article on
 * its page; anything not given is placed automatically from article order and length.
 * Overrides never make blocks overlap: a block that does not fit its row moves to the next.
 */
export const placementSchema = z.object({
  /**
   * How many basic columns (基本栏) the article block spans, from 1 to the page's grid (8 on a
   * broadsheet, 6 on a tabloid); a larger number is read as the whole width. Example: `columns: 3`.
   */
  columns: z.number().int().min(1).max(16).optional(),
  /**
   * The row of blocks the article is placed in, 1 for the top row; articles with the same row
   * share it, left to right in reading order. Rows are numbered without gaps on the page, so
   * `row: 5` on a three-row page is the last row. Example: `row: 1` beside the lead.
   */
  row: z.number().int().min(1).optional(),
});

const optionalText = z.string().trim().min(1).optional();

/**
 * An article: one Markdown file in its issue's folder. The front matter carries the headline
 * stack and the metadata; the body is plain paragraphs with `###` section heads (小标题).
 */
export const articleSchema = z.object({
  /** The page (版次) the article is printed on; a page file with this number must exist. */
  page: pageNumberSchema,
  /** Reading order on the page, 1 for the page's lead article; unique within the page. */
  order: z
    .number({ error: 'expected the article\'s order on its page as a whole number, 1 for the lead article' })
    .int({ error: 'expected a whole number such as 1' })
    .positive({ error: 'expected a whole number from 1 up' }),
  /** 引题 kicker: the small line above the headline that gives context. */
  kicker: optionalText,
  /** 主题 headline; a list gives its lines as printed, one per line. */
  headline: z
    .union([requiredText('a headline (主题)'), z.array(requiredText('a headline line')).min(1)], {
      error: 'expected a headline (主题): one line of text, or a list of its printed lines',
    })
    .transform((value) => (typeof value === 'string' ? [value] : value)),
  /** 副题 deck: the line below the headline that adds facts. */
  deck: optionalText,
  /** 导语 lead: the opening paragraph set apart under the headline stack. */
  lead: optionalText,
  /** The byline, one entry per printed line. */
  byline: z.array(bylineSchema).default([]),
  /** Photos and graphics with their captions. */
  figures: z.array(figureSchema).default([]),
  /** Subject tags, for navigation and search. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** The last URL segment of the article; defaults to its order on the page. */
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: 'expected a slug of lower-case letters, digits and hyphens' })
    .optional(),
  /** Overrides of the automatic print placement. */
  placement: placementSchema.optional(),
});

export type ArticleData = z.output<typeof articleSchema>;
