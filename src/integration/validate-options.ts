import { editionSchema, type Edition } from '../schemas/edition.ts';

/**
 * Validates the options given to `newsprint()` before anything else runs, so a mistake stops
 * the build with a sentence that names the option and the fix.
 */
export function validateOptions(options: unknown): Edition {
  const result = editionSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    // zod's own message for a missing key does not name it; say which option is missing.
    return issue.code === 'invalid_type' && issue.input === undefined
      ? `\`${field}\` is missing. ${issue.message}.`
      : `${issue.message}.`;
  });
  throw new Error(
    `Newsprint's options in astro.config.mjs are invalid:\n${lines.map((l) => `  - ${l}`).join('\n')}\nCorrect them in the newsprint({ … }) call and run the command again.`,
  );
}
