import type { z } from 'astro/zod';
import { namesSchema, optionalText, requiredText } from './common.ts';
import { optional, record } from './records.ts';

/**
 * One line of an article's byline (作者署名): a role and its names, as in `记者 赵清华` or
 * `通讯员 李英杰 李帅毅`. Each entry is printed on its own line.
 */
export const bylineSchema = record(
  { noun: 'a byline entry', aliases: { name: 'names', author: 'names', authors: 'names', title: 'role', job: 'role' } },
  {
    /** The role as printed: 记者 (reporter), 通讯员 (correspondent), 摄影 (photographer)… */
    role: requiredText('a byline role such as 记者'),
    /** The people in that role, in printed order. */
    names: namesSchema,
    /**
     * A mark printed before the role, kept as printed: `文/片` means the same person wrote the
     * text and took the pictures.
     */
    mark: optional(optionalText('a mark such as 文/片')),
  },
);

export type BylineEntry = z.output<typeof bylineSchema>;
