import type { ImportedCredit } from './types.ts';

/**
 * The page credit line (samples/2023-07-02-A03/ANATOMY.md D8): `编辑：武俊 美编：继红 组版：侯波`, once per page, in any
 * order and with any roles, printed wherever the layout had room. It is recognised by its
 * shape (a run of `role：names` items, or of known roles and names without colons), never by
 * its position, and becomes the page's credits.
 */

/** Roles papers print in a credit line; a line must name at least one of them. */
const KNOWN_ROLES = new Set([
  '编辑', '责任编辑', '责编', '美编', '美术编辑', '组版', '排版', '校对', '审校', '审读', '版式',
  '设计', '主编', '值班编辑', '值班主任', '视觉', '统筹', '策划', '制作', '签发', '终审', '复审',
  '初审', '照排', '检校', '制图', '图片编辑', '文字编辑',
]);

/** A personal name: Han or Latin letters, with `·` for transcribed foreign names, no digits. */
const NAME = /^[\p{Script=Han}A-Za-z·•]{1,12}$/u;
const ROLE = /^\p{Script=Han}{1,6}$/u;

/** Splits a names field: people are separated by spaces, `、` or `，`. */
function splitNames(field: string): string[] {
  return field.split(/[\s、，,]+/u).filter((n) => n !== '');
}

/**
 * Parses a credit line, or returns undefined when `text` is not one. `text` is one line of
 * the transcript, already punctuation-normalised (`:` touching Han is `：` by now).
 */
export function parseCreditLine(text: string): ImportedCredit[] | undefined {
  const line = text.trim();
  if (line === '' || line.length > 120) return undefined;
  const credits: ImportedCredit[] = [];
  if (/[:：]/.test(line)) {
    // `role：names role：names…`: each colon ends a role, the names run to the next role.
    const parts = line.split(/\s*[:：]\s*/);
    let role = parts[0]!.trim();
    for (let i = 1; i < parts.length; i++) {
      const tokens = splitNames(parts[i]!);
      const nextRole = i < parts.length - 1 ? tokens.pop() : undefined;
      if (!ROLE.test(role) || tokens.length === 0 || !tokens.every((t) => NAME.test(t))) return undefined;
      credits.push({ role, names: tokens });
      if (nextRole === undefined) break;
      role = nextRole;
    }
  } else {
    // `编辑 武俊 美编 继红`: only known roles can start an item without a colon.
    for (const token of line.split(/\s+/)) {
      if (KNOWN_ROLES.has(token)) credits.push({ role: token, names: [] });
      else if (credits.length > 0 && NAME.test(token)) credits[credits.length - 1]!.names.push(token);
      else return undefined;
    }
    if (credits.length < 2 || credits.some((c) => c.names.length === 0)) return undefined;
  }
  if (credits.length === 0 || !credits.some((c) => KNOWN_ROLES.has(c.role))) return undefined;
  return credits;
}
