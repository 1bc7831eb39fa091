import { optionsError } from '../errors/astro-error.ts';
import { describeZodIssues } from '../errors/zod-issues.ts';
import { editionSchema, type Edition } from '../schemas/edition.ts';

/**
 * Validates the options given to `newsprint()` before anything else runs, so a mistake stops
 * the build with a sentence that names the option and the fix (the shared zod-issue
 * formatter, src/errors/zod-issues.ts, as for content files).
 */
export function validateOptions(options: unknown): Edition {
  const input = options ?? {};
  const result = editionSchema.safeParse(input);
  if (result.success) return result.data;
  throw optionsError(describeZodIssues(result.error, editionSchema, input).map((p) => p.message));
}
