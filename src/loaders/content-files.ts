import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isRealIsoDate } from '../schemas/common.ts';

/**
 * Where content lives: `<base>/<YYYY-MM-DD>/<page>.yaml` for pages and
 * `<base>/<YYYY-MM-DD>/<name>.md` (or `.mdx`) for articles.
 */

/** One content file, with the names messages and checks use. */
export interface ContentFile {
  absolute: string;
  /** Relative to the project root, forward slashes: how messages name it. */
  display: string;
  /** The issue folder's name (`2023-07-02`), or '' for a file directly in the content folder. */
  folder: string;
  /** The file name without its extension. */
  stem: string;
  /** The extension with its dot, lower case. */
  ext: string;
  /** True when the file sits in an issue folder, one level under the content folder. */
  inIssueFolder: boolean;
}

/** A path relative to the project root, with forward slashes, for messages. */
export function displayPath(root: string, filePath: string): string {
  return path.relative(root, filePath).split(path.sep).join('/');
}

/** True when `folder` is a real `YYYY-MM-DD` date. */
export const isIssueFolder = (folder: string) => isRealIsoDate(folder);

/**
 * Every file with one of `exts` in the content folder `baseDir`, at any depth, so that a file
 * in the wrong place is reported rather than silently left out. Hidden files and folders (the
 * importer's `.newsprint-import.json`) are skipped. Sorted, so messages come out in one order.
 */
export async function listContentFiles(root: string, baseDir: string, exts: readonly string[]): Promise<ContentFile[]> {
  let names: string[];
  try {
    const entries = await readdir(baseDir, { recursive: true, withFileTypes: true });
    names = entries.filter((e) => e.isFile()).map((e) => path.relative(baseDir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
  const files: ContentFile[] = [];
  for (const name of names.sort()) {
    const parts = name.split(path.sep);
    if (parts.some((p) => p.startsWith('.'))) continue;
    const ext = path.extname(name).toLowerCase();
    if (!exts.includes(ext)) continue;
    const absolute = path.join(baseDir, name);
    files.push({
      absolute,
      display: displayPath(root, absolute),
      folder: parts.length === 2 ? parts[0]! : '',
      stem: path.basename(name, path.extname(name)),
      ext,
      inIssueFolder: parts.length === 2,
    });
  }
  return files;
}
