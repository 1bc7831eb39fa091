import type { z } from 'astro/zod';

/**
 * A content file Newsprint cannot use. The message names the file, the field and what is
 * expected, so an editor can fix it without reading code.
 */
export class ContentError extends Error {
  constructor(file: string, problems: string[], fix = 'Fix the file and build again.') {
    super(
      `Newsprint cannot use the content file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${fix}`,
    );
    this.name = 'ContentError';
  }
}

/** One line per zod issue: the field's path in backticks, then what was expected. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(the whole front matter)';
    return `field \`${field}\`: ${issue.message}`;
  });
}
