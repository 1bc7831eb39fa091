import { z } from 'astro/zod';
import { creditSchema } from './credit.ts';
import { isoDateSchema, pageNumberSchema, requiredText } from './common.ts';
import { list, record } from './records.ts';

/**
 * A printed page (版面) of an issue: one YAML file per page, named after its number, in the
 * issue's folder, for example `content/2023-07-02/A03.yaml`.
 */
export const pageSchema = record(
  {
    noun: 'a page',
    aliases: { page: 'number', pagenumber: 'number', no: 'number', name: 'section', title: 'section', issue: 'date', editors: 'credits', staff: 'credits', frontpage: 'front' },
  },
  {
    /** The issue date, `YYYY-MM-DD`; must match the name of the folder the file is in. */
    date: isoDateSchema,
    /** The page number (版次) as printed, for example `A03`; must match the file name. */
    number: pageNumberSchema,
    /** The section name (版名) printed in the page header, for example `要闻`. */
    section: requiredText('the section name (版名), for example 要闻'),
    /** Marks the front page: it gets the masthead (报头) instead of a page header (版眉). */
    front: z.preprocess((v) => (v === null ? undefined : v), z.boolean({ error: 'expected true or false' }).default(false)),
    /** The page's credit line, role by role, in printed order (编辑, 美编, 组版…). */
    credits: list(creditSchema, 'credit entries (role and names)'),
  },
);

export type PageData = z.output<typeof pageSchema>;
