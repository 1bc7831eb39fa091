import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ImportError } from './errors.ts';
import { importTranscript } from './import-page.ts';
import { checkIdentity } from './options.ts';
import { readTranscript } from './read-transcript.ts';
import { formatReport } from './report.ts';
import { serializeImport } from './serialize.ts';
import { writeImport } from './write-files.ts';

/**
 * The `ingest` command, as a function the CLI script wraps and tests call in-process:
 * arguments in; exit code, stdout and stderr out. Nothing here touches `process.exit`.
 */

export const USAGE = `Usage: npm run ingest -- <transcript> --date YYYY-MM-DD --page <number> [--section <name>] [--out <content dir>] [--json] [--force]
  --date     the issue date, for example 2023-07-02
  --page     the page number (版次), letters, digits and hyphens, for example A03
  --section  the section name (版名), for example 要闻; defaults to the section of an existing page file
  --out      the content folder (default: content)
  --json     print the parsed page as JSON to stdout and write nothing
  --force    overwrite files edited by hand since the last import`;

export interface IngestResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The section of an existing page file, so a re-import needs no --section. */
function existingSection(pageFile: string): string | undefined {
  if (!existsSync(pageFile)) return undefined;
  try {
    const data = parseYaml(readFileSync(pageFile, 'utf8')) as { section?: unknown } | null;
    return typeof data?.section === 'string' ? data.section : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the command. `cwd` is where relative paths start (npm's INIT_CWD for `npm run`). */
export function runIngest(argv: readonly string[], cwd: string): IngestResult {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        page: { type: 'string' },
        section: { type: 'string' },
        out: { type: 'string', default: 'content' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n${USAGE}\n` };
  }
  const { values, positionals } = args;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
  const usage = (message: string): IngestResult => ({ code: 2, stdout: '', stderr: `${message}\n${USAGE}\n` });
  if (positionals.length !== 1) return usage(positionals.length === 0 ? 'Give the transcript to import, for example samples/2023-07-02-A03/transcript.txt.' : `Give one transcript per run; got ${positionals.length}: ${positionals.join(', ')}.`);
  if (values.date === undefined) return usage('--date is missing: give the issue date, for example --date 2023-07-02.');
  if (values.page === undefined) return usage('--page is missing: give the page number, for example --page A03.');

  const transcript = path.resolve(cwd, positionals[0]!);
  const outDir = path.resolve(cwd, values.out);
  try {
    // Options are checked before anything else: a bad --page must never reach a path.
    const checked = checkIdentity({ date: values.date, page: values.page, section: values.section ?? 'unset' });
    // The section as checked (trimmed), not as typed: ` 要闻\r` from a pasted line is 要闻.
    const section = values.section !== undefined ? checked.section : existingSection(path.join(outDir, checked.date, `${checked.page}.yaml`));
    if (section === undefined) {
      // Caught below and printed: only the message leaves runIngest.
      throw new ImportError('--section is missing and there is no existing page file to take it from; give the section name (版名) printed in the page header, for example --section 要闻.');
    }
    const identity = { date: checked.date, page: checked.page, section };
    const result = importTranscript(readTranscript(transcript), identity, positionals[0]!);
    const files = serializeImport(result);
    const summary = formatReport(result, positionals[0]!);
    if (values.json) return { code: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: summary };
    const outcome = writeImport(path.join(outDir, result.page.date), files, values.force);
    const wrote = [
      ...outcome.written.map((f) => `  wrote ${path.relative(cwd, f)}`),
      ...outcome.unchanged.map((f) => `  unchanged ${path.relative(cwd, f)}`),
      ...outcome.stale.map((f) => `  left alone ${path.relative(cwd, f)}: an earlier import of this page wrote it, this transcript has no such article; delete it if the article is gone`),
    ];
    return { code: 0, stdout: '', stderr: `${summary}Files:\n${wrote.join('\n')}\n` };
  } catch (error) {
    if (error instanceof ImportError) return { code: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
}
