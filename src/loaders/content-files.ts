import { existsSync } from 'node:fs';
import path from 'node:path';
import { isRealIsoDate } from '../schemas/common.ts';

/**
 * Where content lives: `<base>/<YYYY-MM-DD>/<page>.yaml` for pages and
 * `<base>/<YYYY-MM-DD>/<name>.md` (or `.mdx`) for articles.
 */

/** The issue folder name of a content file, and whether it is a real date. */
export function issueFolderOf(filePath: string): { folder: string; valid: boolean } {
  const folder = path.basename(path.dirname(filePath));
  return { folder, valid: isRealIsoDate(folder) };
}

/** The path of the page file an article refers to. */
export function pageFileFor(articlePath: string, page: string): string {
  return path.join(path.dirname(articlePath), `${page}.yaml`);
}

/** True when the issue folder of `articlePath` has a page file for `page`. */
export function pageExists(articlePath: string, page: string): boolean {
  return existsSync(pageFileFor(articlePath, page));
}

/** A path relative to the project root, with forward slashes, for messages. */
export function displayPath(root: string, filePath: string): string {
  return path.relative(root, filePath).split(path.sep).join('/');
}
