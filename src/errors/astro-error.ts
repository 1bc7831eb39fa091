import { AstroError } from 'astro/errors';
import { formatReports, type FileReport } from './problem-report.ts';

/**
 * Build-time errors as Astro shows them best: an `AstroError` with a message and a hint, in the
 * terminal and in the dev overlay. Content errors point at the content file (its line and a
 * code frame in the overlay), never at Newsprint's own code: a stack trace into src/loaders/
 * is noise for an editor, so it is dropped.
 */

/** The place Astro's overlay reads to show a file and a code frame. */
interface Located {
  loc?: { file: string; line?: number; column?: number };
}

function withoutStack(error: AstroError): AstroError {
  error.stack = '';
  return error;
}

/** What to do after fixing content: the same in a build and in the preview. */
export const CONTENT_HINT =
  'Correct the file as each line says and save it: `npm run dev` shows the page again by itself, `npm run build` needs running again. Nothing is published until every content file is right.';

/** An error for content files Newsprint cannot use, naming each file, line and fix. */
export function contentError(reports: readonly FileReport[]): AstroError {
  const error = withoutStack(new AstroError(formatReports(reports), CONTENT_HINT));
  error.name = 'NewsprintContentError';
  const first = [...reports].sort((a, b) => (a.file < b.file ? -1 : 1))[0];
  const place = first?.problems.find((p) => p.line !== undefined);
  if (first?.absolute) (error as AstroError & Located).loc = { file: first.absolute, line: place?.line, column: place?.column };
  return error;
}

/** An error for options that cannot be used, one line per option. */
export function optionsError(lines: readonly string[]): AstroError {
  const error = withoutStack(
    new AstroError(
      `Newsprint's options in astro.config.mjs are invalid:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
      'Correct them in the newsprint({ … }) call in astro.config.mjs and run the command again.',
    ),
  );
  error.name = 'NewsprintOptionsError';
  return error;
}
