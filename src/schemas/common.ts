import { z } from 'astro/zod';

/**
 * Building blocks shared by the content and option schemas. This folder is the bottom of the
 * dependency graph: it imports nothing of Newsprint's own but other schemas.
 */

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (no 2023-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An issue date, `YYYY-MM-DD`. YAML turns an unquoted date into a timestamp, so a `Date` is
 * accepted too and written back as its UTC calendar day.
 */
export const isoDateSchema = z
  .union([z.string(), z.date()], {
    error: 'expected a date written as YYYY-MM-DD, for example 2023-07-02',
  })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isRealIsoDate, {
    error: 'expected a real calendar date written as YYYY-MM-DD, for example 2023-07-02',
  });

/** Characters allowed in a page number: it becomes a folder name and a URL segment. */
export const PAGE_NUMBER_PATTERN = /^[A-Za-z0-9-]+$/;

/**
 * A page number (版次) as printed, such as `A03` or `12`. Used in file names and URLs. A bare
 * YAML number is accepted (`number: 12`); the loaders catch `03`, which YAML reads as 3.
 */
export const pageNumberSchema = z
  .union([z.string(), z.number().int().nonnegative()], {
    error: 'expected a page number such as A03 (letters, digits and hyphens only)',
  })
  .transform((value) => String(value).trim())
  .refine((value) => PAGE_NUMBER_PATTERN.test(value), {
    error: 'expected a page number such as A03 (letters, digits and hyphens only)',
  });

/** A line of text that must not be empty once trimmed; `what` says what to write. */
export function requiredText(what: string) {
  return z
    .string({ error: `write ${what}` })
    .trim()
    .min(1, { error: `it is empty; write ${what}` });
}

/** Optional text: trimmed; written empty, it counts as left out (see `optional`). */
export function optionalText(what: string) {
  return z.string({ error: `write ${what} as text` }).trim();
}

/** A list of personal names; a single name may be written without the list brackets. */
export const namesSchema = z
  .union([requiredText('a name'), z.array(requiredText('a name')).min(1, { error: 'the list is empty; write at least one name, for example names: [李英杰]' })], {
    error: 'expected one name or a list of names, for example names: [李英杰, 李帅毅]',
  })
  .transform((value) => (typeof value === 'string' ? [value] : value));
