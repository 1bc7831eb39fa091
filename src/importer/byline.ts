import type { ImportedBylineEntry } from './types.ts';

/**
 * Bylines (作者署名): `文/片 记者 夏侯凤超` then, after a hard break, `通讯员 刘亚男`. Each printed
 * line may hold several roles; each role takes the names that follow it. A mark before a role
 * (`文/片`, `图/文`, `文`, `图`) says what the person did and is kept as printed.
 */

const ROLE = /^(?:本报|新华社|人民网)?(?:特约|见习|实习|首席|资深|全媒体|融媒体)?(?:记者|通讯员|实习生|摄影记者|摄影|评论员|撰稿人|撰稿|编译|整理|作者|视频|制图)$/u;
const MARK = /^(?:[文图片摄](?:\/[文图片摄])?|文字|图片|视频)$/u;
const NAME = /^[\p{Script=Han}A-Za-z·•]{1,12}$/u;

/** True when a mark says the named person also made the pictures (`文/片`, `图`, `摄`). */
export function marksPhotos(mark: string | undefined): boolean {
  return mark !== undefined && /[图片摄]/u.test(mark);
}

/** Parses one printed byline line, or returns undefined when it is not a byline. */
export function parseBylineLine(text: string): ImportedBylineEntry[] | undefined {
  const tokens = text.trim().split(/\s+/).filter((t) => t !== '');
  const entries: ImportedBylineEntry[] = [];
  let mark: string | undefined;
  for (const token of tokens) {
    if (ROLE.test(token)) {
      if (entries.length > 0 && entries[entries.length - 1]!.names.length === 0) return undefined;
      entries.push(mark === undefined ? { role: token, names: [] } : { role: token, names: [], mark });
      mark = undefined;
    } else if (MARK.test(token) && mark === undefined) {
      mark = token;
    } else if (entries.length > 0 && mark === undefined && NAME.test(token)) {
      entries[entries.length - 1]!.names.push(token);
    } else {
      return undefined;
    }
  }
  if (entries.length === 0 || mark !== undefined || entries.some((e) => e.names.length === 0)) return undefined;
  return entries;
}

/** Parses a block of byline lines; every line must be a byline. */
export function parseByline(lines: readonly string[]): ImportedBylineEntry[] | undefined {
  const entries: ImportedBylineEntry[] = [];
  for (const line of lines) {
    const parsed = parseBylineLine(line);
    if (!parsed) return undefined;
    entries.push(...parsed);
  }
  return entries;
}
