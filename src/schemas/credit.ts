import type { z } from 'astro/zod';
import { namesSchema, requiredText } from './common.ts';
import { record } from './records.ts';

/**
 * One role of the page's credit line (编辑 editor, 美编 designer, 组版 compositor, 校对 proof
 * reader, or any other role the paper prints), with the people who held it.
 */
export const creditSchema = record(
  { noun: 'a credit entry', aliases: { name: 'names', people: 'names', title: 'role', job: 'role' } },
  {
    /** The role as printed, for example `编辑`. */
    role: requiredText('a role such as 编辑'),
    /** The people credited in that role, in printed order. */
    names: namesSchema,
  },
);

export type Credit = z.output<typeof creditSchema>;
