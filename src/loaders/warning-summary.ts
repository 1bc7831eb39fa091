import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Warnings that repeat at archive scale, summarised: one build of a year's archive printed
 * over 5,000 identical "figure has no image file" lines, and a real warning drowned among
 * them. Up to `shown` warnings of a kind are printed whole, as before; more than that print
 * one line with the count and the first few files, and the full list, one warning a line,
 * goes to a file the line names (written to a temporary name, then renamed). The file is
 * removed again when a build has no such warning, so it never describes an older build.
 */

export interface RepeatedWarning {
  /** The content file the warning is about, as the log names it. */
  file: string;
  /** The warning in full, as printed when there are only a few. */
  message: string;
}

export interface WarningKind {
  /** A file-name-safe name of the kind, e.g. `figure-without-image`. */
  id: string;
  /** The summary: what the warnings say, given their count, and the fix. */
  summary: (count: number) => string;
  /** How many warnings are printed whole before they are summarised (default 3). */
  shown?: number;
}

export interface Logger {
  warn(message: string): void;
}

/** Prints the warnings of one kind, summarised beyond `shown`; returns the list file written, if any. */
export async function reportRepeated(logger: Logger, kind: WarningKind, warnings: RepeatedWarning[], folder: string): Promise<string | undefined> {
  const shown = kind.shown ?? 3;
  const listFile = path.join(folder, `${kind.id}.txt`);
  if (warnings.length <= shown) {
    for (const warning of warnings) logger.warn(warning.message);
    await rm(listFile, { force: true });
    return undefined;
  }
  await mkdir(folder, { recursive: true });
  const temporary = `${listFile}.${process.pid}.tmp`;
  await writeFile(temporary, `${warnings.map((w) => w.message).join('\n')}\n`);
  await rename(temporary, listFile);
  const first = warnings.slice(0, shown).map((w) => w.file);
  logger.warn(
    `${kind.summary(warnings.length)} First: ${first.join(', ')} and ${warnings.length - shown} more; every one is listed in ${listFile}.`,
  );
  return listFile;
}
