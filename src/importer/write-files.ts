import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from './errors.ts';

/**
 * Writing an import: all checks first, then every file to a temporary name in its folder,
 * then renames (atomic on one file system), so an interrupted import never leaves half a
 * file. The manifest `.newsprint-import.json` in the issue folder keeps the SHA-256 of every
 * file as the importer wrote it: a file whose content no longer matches was edited by hand,
 * and is not overwritten without `--force`. Dotfiles are not read by the site's loaders.
 */

export const MANIFEST_NAME = '.newsprint-import.json';

interface Manifest {
  /** Why the file is there, for whoever finds it. */
  about: string;
  /** SHA-256 (hex) of each file as the importer last wrote it, by file name. */
  files: Record<string, string>;
}

export interface WriteOutcome {
  /** Paths written (created or replaced). */
  written: string[];
  /** Paths left alone because they already had exactly the new content. */
  unchanged: string[];
  /**
   * Article files an earlier import of the same page wrote that this import does not (the
   * transcript now has fewer articles). Never deleted: an editor decides.
   */
  stale: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Throws unless `dir` can be created or written: checked before anything is written. */
function checkWritable(dir: string): void {
  let probe = dir;
  while (!existsSync(probe)) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  if (!statSync(probe).isDirectory()) {
    throw new ImportError(`Cannot write to ${dir}: ${probe} is a file, not a folder; choose another --out folder or move the file.`, { file: probe, field: '--out' });
  }
  try {
    accessSync(probe, constants.W_OK);
  } catch {
    throw new ImportError(`Cannot write to ${dir}: the folder ${probe} is not writable; fix its permissions or choose another --out folder.`, { file: probe, field: '--out' });
  }
}

/** The hashes of a manifest (its `about` is never read back; the writer sets it). */
function readManifest(file: string): Manifest['files'] {
  if (!existsSync(file)) return {};
  let parsed: Partial<Manifest> | null;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest> | null;
  } catch {
    throw new ImportError(`${file} is not valid JSON, so the importer cannot tell which files were edited by hand; restore it from version control, or re-run with --force to overwrite the files.`, { file });
  }
  // Valid JSON that holds no hash list (`null`, a string, `{"files": 3}`) knows no file: every
  // existing file then counts as not written by the importer. Spreading `null` gives `{}` too.
  return typeof parsed?.files === 'object' ? { ...parsed.files } : {};
}

/** Writes `text` to `file` through a temporary file in the same folder and a rename. */
function writeAtomic(file: string, text: string, temps: string[]): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temps.push(temp);
  writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
  return temp;
}

/**
 * Writes the files of one import into `issueDir` (`<out>/<date>`). Refuses, naming every file,
 * to replace a file edited by hand since the importer wrote it, unless `force`.
 */
export function writeImport(issueDir: string, files: ReadonlyMap<string, string>, force: boolean): WriteOutcome {
  // Also refuses an issue folder that is a file: checkWritable's probe stops at it.
  checkWritable(issueDir);
  const manifestFile = path.join(issueDir, MANIFEST_NAME);
  const manifest = { files: force && existsSync(manifestFile) ? safeManifest(manifestFile) : readManifest(manifestFile) };

  const outcome: WriteOutcome = { written: [], unchanged: [], stale: [] };
  const pages = [...files.keys()].filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -'.yaml'.length));
  for (const name of Object.keys(manifest.files)) {
    const page = /^(.+)-\d+\.md$/.exec(name)?.[1];
    if (page !== undefined && pages.includes(page) && !files.has(name) && existsSync(path.join(issueDir, name))) outcome.stale.push(path.join(issueDir, name));
  }
  const toWrite: Array<[string, string]> = [];
  const refused: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(issueDir, name);
    if (existsSync(file)) {
      if (!statSync(file).isFile()) {
        throw new ImportError(`Cannot write ${file}: a folder or other non-file is in the way; move it away and run the import again. Nothing was written.`, { file });
      }
      const current = readFileSync(file, 'utf8');
      if (current === text) {
        outcome.unchanged.push(file);
        manifest.files[name] = sha256(text);
        continue;
      }
      if (!force && manifest.files[name] !== sha256(current)) refused.push(file);
    }
    toWrite.push([file, text]);
    manifest.files[name] = sha256(text);
  }
  if (refused.length > 0) {
    throw new ImportError(
      `Refusing to overwrite ${refused.join(', ')}: ${refused.length === 1 ? 'it was' : 'they were'} edited by hand (or not written by the importer) since the last import, and the edits would be lost. Nothing was written. Move the edits into the transcript, or re-run with --force to replace ${refused.length === 1 ? 'it' : 'them'}.`,
      { file: refused[0]! },
    );
  }

  const manifestText = `${JSON.stringify({ about: 'Written by `npm run ingest`: SHA-256 of each imported file, to detect edits by hand. Do not edit.', files: sortKeys(manifest.files) }, null, 2)}\n`;
  const manifestChanged = !existsSync(manifestFile) || readFileSync(manifestFile, 'utf8') !== manifestText;
  if (toWrite.length === 0 && !manifestChanged) return outcome;

  try {
    mkdirSync(issueDir, { recursive: true });
  } catch (error) {
    // `access()` says yes to root everywhere, but some folders (sysfs, read-only mounts)
    // still refuse: report it like any unwritable folder.
    throw new ImportError(`Cannot write to ${issueDir}: creating the folder failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); fix its permissions or choose another --out folder. Nothing was written.`, { file: issueDir, field: '--out' });
  }
  const temps: string[] = [];
  try {
    const staged = toWrite.map(([file, text]) => [writeAtomic(file, text, temps), file] as const);
    const stagedManifest = manifestChanged ? writeAtomic(manifestFile, manifestText, temps) : undefined;
    for (const [temp, file] of staged) {
      renameSync(temp, file);
      outcome.written.push(file);
    }
    // The manifest goes last: if the import stops before, the files it lists are still the old ones.
    if (stagedManifest) renameSync(stagedManifest, manifestFile);
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw new ImportError(`Writing to ${issueDir} failed (${(error as Error).message}); files not yet renamed were left as they were. Check the folder and run the import again.`, { file: issueDir });
  }
  return outcome;
}

/** With --force a broken manifest is replaced rather than fatal. */
function safeManifest(file: string): Manifest['files'] {
  try {
    return readManifest(file);
  } catch {
    return {};
  }
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
