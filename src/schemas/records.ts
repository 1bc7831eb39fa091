import { z } from 'astro/zod';

/**
 * Strict records: every object of Newsprint's content and options refuses fields it does not
 * know, so a misspelt `credit:` stops the build instead of silently losing a 校对 line. Each
 * record carries the noun the error messages call it by and the words editors use for its
 * fields (`subtitle` for `deck`), so an unknown field gets the nearest known one as advice.
 */

/** How messages speak of a record and its fields. */
export interface RecordMeta {
  /** The record as a noun with its article, for example `a page` or `a figure`. */
  noun: string;
  /** What its keys are called: `field` for content, `option` for options. */
  keyWord?: 'field' | 'option';
  /** Words an editor may write instead of a field's name, lower-case, mapped to the name. */
  aliases?: Readonly<Record<string, string>>;
}

/** The registry the shared zod-issue formatter (src/errors/zod-issues.ts) reads. */
export const recordMeta = z.registry<RecordMeta>();

/** A strict object schema described by `meta`. */
export function record<Shape extends z.core.$ZodLooseShape>(meta: RecordMeta, shape: Shape) {
  return z.strictObject(shape).register(recordMeta, meta);
}

/**
 * `schema` with `fields` added, for a site that declares its own extra fields
 * (`articlesLoader({ fields: { … } })`); it stays strict and keeps its description.
 */
export function withFields<S extends z.ZodObject>(schema: S, fields: z.core.$ZodLooseShape | undefined): S {
  if (!fields || Object.keys(fields).length === 0) return schema;
  const meta = recordMeta.get(schema);
  const extended = schema.extend(fields) as unknown as S;
  if (meta) recordMeta.add(extended as unknown as z.ZodType, meta);
  return extended;
}

/** True for a value an editor leaves in place of nothing: `""`, `~` (null) or `[]`. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * An optional field where an empty value (`deck: ""`, `deck:`, `tags: []`) means the same as
 * leaving the field out: editors clear fields all the time, and that is not a mistake.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (isEmptyValue(value) ? undefined : value), schema.optional());
}

/** An optional list of `what`, empty when absent or written empty. */
export function list<T extends z.ZodType>(element: T, what: string) {
  return z.preprocess(
    (value) => (isEmptyValue(value) ? undefined : value),
    z.array(element, { error: `expected a list of ${what}, one \`- \` line each` }).default([]),
  );
}
