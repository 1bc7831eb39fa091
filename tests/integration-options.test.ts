import { describe, expect, it } from 'vitest';
import newsprint from '../src/index.ts';

/** The error `newsprint(options)` throws, as Astro receives it. */
function refusal(options: unknown): { name: string; message: string; hint?: string; stack?: string } {
  try {
    newsprint(options as never);
  } catch (error) {
    return error as { name: string; message: string; hint?: string; stack?: string };
  }
  throw new Error('newsprint() accepted the options');
}

describe('newsprint() options', () => {
  it('refuses missing options before anything runs, naming each one, as an AstroError with a hint and no stack trace', () => {
    const error = refusal({});
    expect(error.name).toBe('NewsprintOptionsError');
    expect(error.message).toMatch(
      /^Newsprint's options in astro\.config\.mjs are invalid:\n  - `paperName` is missing: write the name of the paper as text[\s\S]*\n  - `site` is missing: `site` must be the full public address/,
    );
    expect(error.hint).toMatch(/Correct them in the newsprint\(\{ … \}\) call in astro\.config\.mjs/);
    expect(error.stack).toBe('');
  });

  it('refuses a misspelt option, suggesting the one meant', () => {
    const error = refusal({ paperName: '示例日报', site: 'https://example.com', papername: 'x', formt: 'tabloid', timezone: 'Asia/Shanghai' });
    expect(error.message).toContain('`papername` is not an option of newsprint(); did you mean `paperName`?');
    expect(error.message).toContain('`formt` is not an option of newsprint(); did you mean `format`?');
    expect(error.message).toContain('`timezone` is not an option of newsprint(); did you mean `timeZone`?');
  });

  it('returns an integration named newsprint for valid options', () => {
    expect(newsprint({ paperName: '示例日报', site: 'https://example.com' }).name).toBe('newsprint');
  });
});
