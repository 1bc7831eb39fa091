import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { contentError } from '../errors/astro-error.ts';
import { formatReports, type FileProblem, type FileReport } from '../errors/problem-report.ts';
import { conversionCommand, decodeUtf8Text } from '../model/text-encoding.ts';
import { isIssueFolder, listContentFiles, type ContentFile } from './content-files.ts';
import { postProblems, postReloaded } from './problem-board.ts';
import { beginLoad, endLoad } from './load-round.ts';

/**
 * The engine both loaders share. Every load lists the whole content folder, reads each file
 * (parsing only files whose bytes changed since the cached entry), and runs the cross-file
 * checks on ALL entries, cached or not: a deleted page file or a duplicate order is caught on
 * every build and in the preview, whatever the content-layer cache holds. The store is
 * changed only when every file is right, so a failed load never leaves half an edition.
 */

/** One file read and understood. */
export interface ParsedEntry<D> {
  file: ContentFile;
  id: string;
  data: D;
  body?: string;
  digest: string;
  /** For `.mdx`: Astro compiles and renders it. */
  deferredRender?: boolean;
}

/** What a collection contributes to the engine. */
export interface CollectionSpec<D> {
  /** The extensions of its files, lower case with the dot. */
  exts: readonly string[];
  /** Understands one file's text; its problems carry lines where they have one. */
  parse(file: ContentFile, text: string): Omit<ParsedEntry<D>, 'file' | 'digest'> | { problems: FileProblem[] };
  /** Checks across all entries; runs on every load. `files` lists every file of the folder. */
  check(entries: readonly ParsedEntry<D>[], context: CheckContext): Map<ContentFile, FileProblem[]>;
  /** Files outside the content folder whose changes must re-run the checks (public/ for images). */
  watchPaths?(config: LoaderContext['config']): string[];
}

/** What cross-file checks may look at besides the entries. */
export interface CheckContext {
  root: string;
  baseDir: string;
  config: LoaderContext['config'];
  /** Every content file (pages and articles) now in the folder. */
  allFiles: readonly ContentFile[];
}

const ALL_CONTENT_EXTS = ['.md', '.mdx', '.yaml', '.yml'];

interface Remembered<D> {
  mtimeMs: number;
  size: number;
  result: ParsedEntry<D> | { problems: FileProblem[]; digest: string };
}

function encodingProblem(file: ContentFile, bytes: Uint8Array): FileProblem[] | string {
  const decoded = decodeUtf8Text(bytes);
  if ('text' in decoded) return decoded.text;
  const { kind, line, column, encoding } = decoded.problem;
  return [
    kind === 'nul-byte'
      ? { line, column, message: 'the file contains a NUL byte, so it is not a text file; save it again as plain UTF-8 text.' }
      : {
          line,
          column,
          message: `the file is not UTF-8 (it looks like ${encoding}), so its Chinese text would be published as �; convert it with \`${conversionCommand(file.display, encoding!)}\`, or save it as UTF-8 in your editor.`,
        },
  ];
}

/** Problems every content file can have, whatever its collection: where it is. */
function placeProblems(file: ContentFile, baseDisplay: string): FileProblem[] {
  if (!file.inIssueFolder) {
    return [{ message: `the file is not in an issue folder, so it would not be published; move it into the folder of its issue, named by its date, for example ${baseDisplay}/2024-01-15/${path.basename(file.absolute)}.` }];
  }
  if (!isIssueFolder(file.folder)) {
    return [{ message: `the issue folder \`${file.folder}\` is not a real date: name each issue folder YYYY-MM-DD, for example 2023-07-02.` }];
  }
  return [];
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * A loader `load()` for one collection. In a build it throws an `AstroError` naming every bad
 * file; in the preview it posts the problems to the board instead and keeps watching.
 */
export function collectionLoad<D extends Record<string, unknown>>(collectionBase: string, spec: CollectionSpec<D>) {
  const remembered = new Map<string, Remembered<D>>();

  async function readOne(file: ContentFile, cached: Map<string, { digest?: string | number; id: string; data: Record<string, unknown>; body?: string; deferredRender?: boolean }>) {
    const info = await stat(file.absolute);
    const known = remembered.get(file.absolute);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.result;
    const bytes = await readFile(file.absolute);
    const digest = digestOf(bytes);
    let result: Remembered<D>['result'];
    const entry = cached.get(file.display);
    if (entry && entry.digest === digest) {
      result = { file, digest, id: entry.id, data: entry.data as D, body: entry.body, deferredRender: entry.deferredRender };
    } else {
      const text = encodingProblem(file, bytes);
      if (typeof text !== 'string') result = { problems: text, digest };
      else {
        const parsed = spec.parse(file, text);
        result = 'problems' in parsed ? { ...parsed, digest } : { ...parsed, file, digest };
      }
    }
    remembered.set(file.absolute, { mtimeMs: info.mtimeMs, size: info.size, result });
    return result;
  }

  async function loadOnce(context: LoaderContext): Promise<FileReport[]> {
    const root = fileURLToPath(context.config.root);
    const baseDir = path.resolve(root, collectionBase);
    const baseDisplay = path.relative(root, baseDir).split(path.sep).join('/') || '.';
    const allFiles = await listContentFiles(root, baseDir, ALL_CONTENT_EXTS);
    const files = allFiles.filter((f) => spec.exts.includes(f.ext));
    const cached = new Map([...context.store.values()].map((e) => [e.filePath ?? '', e]));
    const problems = new Map<ContentFile, FileProblem[]>();
    const add = (file: ContentFile, list: FileProblem[]) => {
      if (list.length > 0) problems.set(file, [...(problems.get(file) ?? []), ...list]);
    };
    const entries: ParsedEntry<D>[] = [];
    for (const file of files) {
      const place = placeProblems(file, baseDisplay);
      if (place.length > 0) {
        add(file, place);
        continue;
      }
      const result = await readOne(file, cached);
      if ('problems' in result) add(file, result.problems);
      else entries.push(result);
    }
    for (const [file, list] of spec.check(entries, { root, baseDir, config: context.config, allFiles })) add(file, list);
    // A set, not `files.some` per remembered file: that was 200 million comparisons for a year's
    // 20,000 files (about 6 s of a build, profiled).
    const present = new Set(files.map((f) => f.absolute));
    for (const known of [...remembered.keys()]) if (!present.has(known)) remembered.delete(known);
    const reports = [...problems].map(([file, list]) => ({ file: file.display, absolute: file.absolute, problems: list }));
    if (reports.length > 0) return reports;
    // Every file is right: now, and only now, make the store match the folder.
    const ids = new Set(entries.map((e) => e.id));
    for (const id of [...context.store.keys()]) if (!ids.has(id)) context.store.delete(id);
    for (const entry of entries) {
      context.store.set({
        id: entry.id,
        data: entry.data,
        body: entry.body,
        filePath: entry.file.display,
        digest: entry.digest,
        deferredRender: entry.deferredRender,
      });
      // An unchanged entry is not set again, but Astro must still know to compile it.
      if (entry.deferredRender) context.store.addModuleImport(entry.file.display);
    }
    return [];
  }

  return async function load(context: LoaderContext): Promise<void> {
    if (!context.watcher) {
      // A build: every collection's problems in one error (load-round.ts).
      beginLoad(context.collection);
      let reports: FileReport[] = [];
      try {
        reports = await loadOnce(context);
      } finally {
        reports = await endLoad(context.collection, reports);
      }
      if (reports.length > 0) throw contentError(reports);
      return;
    }
    const reports = await loadOnce(context);
    // The preview: report, keep serving, and load again on every change.
    const publish = (found: FileReport[]) => {
      postProblems(context.collection, found);
      if (found.length > 0) context.logger.error(formatReports(found));
    };
    publish(reports);
    const root = fileURLToPath(context.config.root);
    const watched = [path.resolve(root, collectionBase), ...(spec.watchPaths?.(context.config) ?? [])];
    context.watcher.add(watched);
    let queue = Promise.resolve();
    let pending = false;
    const onEvent = (changed: string) => {
      if (!watched.some((dir) => changed === dir || changed.startsWith(dir + path.sep))) return;
      // Never trust a remembered read of a file that just changed (two saves can share an mtime).
      remembered.delete(changed);
      if (pending) return;
      pending = true;
      // Saves come in bursts (save-then-save, copy then edit): load once after the burst,
      // always reading the files as they are then, and never two loads at once.
      queue = queue.then(
        () =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              pending = false;
              loadOnce(context)
                .then(publish, (error: unknown) => context.logger.error(String(error)))
                .finally(() => {
                  postReloaded();
                  resolve();
                });
            }, 30);
          }),
      );
    };
    for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) context.watcher.on(event, onEvent);
  };
}
