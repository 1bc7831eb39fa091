/**
 * Problems found in content files, gathered per file and written as plain sentences. Pure:
 * the loaders turn a report into an `AstroError` (astro-error.ts); tests and other tools can
 * read the same text.
 */

/** One problem in one file, with its place when it has one. */
export interface FileProblem {
  /** A full sentence: the field or value, what is wrong, the fix. */
  message: string;
  /** 1-based line and column in the file. */
  line?: number;
  column?: number;
}

/** Every problem of one file. */
export interface FileReport {
  /** The file as the editor knows it: relative to the project, forward slashes. */
  file: string;
  /** The absolute path, for the dev overlay's code frame. */
  absolute?: string;
  problems: FileProblem[];
}

/** `line 6, column 3: ` or nothing. */
export function placeOf(problem: FileProblem): string {
  if (problem.line === undefined) return '';
  return problem.column === undefined ? `line ${problem.line}: ` : `line ${problem.line}, column ${problem.column}: `;
}

/** The report as text: one paragraph per file, one indented line per problem. */
export function formatReports(reports: readonly FileReport[]): string {
  const sorted = [...reports].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const head =
    sorted.length === 1
      ? `Newsprint cannot use the content file ${sorted[0]!.file}:`
      : `Newsprint cannot use ${sorted.length} content files:`;
  const body = sorted.map((report) => {
    const lines = report.problems.map((p) => `  - ${placeOf(p)}${p.message}`);
    return sorted.length === 1 ? lines.join('\n') : `${report.file}:\n${lines.join('\n')}`;
  });
  return `${head}\n${body.join('\n')}`;
}
