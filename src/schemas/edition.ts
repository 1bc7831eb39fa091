import { z } from 'astro/zod';
import { record } from './records.ts';

/** True when the runtime knows `zone` as an IANA time zone. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The options of the Newsprint integration: the edition as a whole. Passed to `newsprint()`
 * in `astro.config.mjs` and validated before anything else runs.
 */
export const editionSchema = record(
  { noun: 'newsprint()', keyWord: 'option', aliases: { name: 'paperName', title: 'paperName', papername: 'paperName', url: 'site', basepath: 'base', timezone: 'timeZone', tz: 'timeZone', lang: 'locale', language: 'locale' } },
  {
    /** The paper's name, set in the masthead, page headers and share cards, for example `泉城日报`. */
    paperName: z
      .string({ error: 'write the name of the paper as text, for example "泉城日报"' })
      .trim()
      .min(1, { error: '`paperName` is empty: give the name of the paper, for example "泉城日报"' }),
    /**
     * Marks the edition as sample content: pages say so in their header, so nobody mistakes the
     * placeholder paper name for a real one.
     */
    sample: z.boolean({ error: '`sample` must be true or false' }).default(false),
    /** The language of the content, as a BCP 47 tag; Newsprint sets Simplified Chinese. */
    locale: z.literal('zh-Hans', { error: '`locale` must be "zh-Hans" (Simplified Chinese), the only locale supported so far' }).default('zh-Hans'),
    /** The paper's IANA time zone; publication times are midnight of the issue date there. */
    timeZone: z
      .string()
      .refine(isTimeZone, { error: '`timeZone` must be an IANA time zone such as "Asia/Shanghai"' })
      .default('Asia/Shanghai'),
    /**
     * The public address of the site, used for absolute links in share metadata and feeds.
     * Newsprint sets Astro's `site` from it.
     */
    site: z.url({
      error: '`site` must be the full public address of the e-paper, for example "https://epaper.example.com"',
    }),
    /** The path the e-paper is served under, for example `/epaper/`; Newsprint sets Astro's `base` from it. */
    base: z
      .string()
      .regex(/^\/([\w.-]+\/)*$/, { error: '`base` must start and end with a slash, for example "/" or "/epaper/"' })
      .default('/'),
    /** The page format the print layout reproduces: 8 basic columns on a broadsheet, 6 on a tabloid. */
    format: z.enum(['broadsheet', 'tabloid'], { error: '`format` must be "broadsheet" or "tabloid"' }).default('broadsheet'),
    /**
     * The order articles follow across the printed page after the lead: `ltr` (left to right,
     * the default) or `rtl` (right to left, as papers set in vertical text do). The lead stays at
     * the top, at the left or the right.
     */
    direction: z.enum(['ltr', 'rtl'], { error: '`direction` must be "ltr" (left to right) or "rtl" (right to left)' }).default('ltr'),
    /** How many of the latest issues the RSS feed (`/rss.xml`) carries, every article of each. */
    feedIssues: z
      .number({ error: '`feedIssues` must be a whole number of issues, for example 3' })
      .int({ error: '`feedIssues` must be a whole number of issues, for example 3' })
      .min(1, { error: '`feedIssues` must be at least 1' })
      .default(3),
  },
);

/** The options as a user writes them (defaults optional). */
export type EditionOptions = z.input<typeof editionSchema>;
/** The options after validation, with defaults filled in. */
export type Edition = z.output<typeof editionSchema>;
