import { describe, expect, it } from 'vitest';
import newsprint from '../src/index.ts';

describe('newsprint() options', () => {
  it('refuses missing options before anything runs, saying where to fix them', () => {
    expect(() => newsprint({} as never)).toThrow(
      /Newsprint's options in astro\.config\.mjs are invalid:\n  - `paperName` is missing\.[\s\S]*`site` is missing\.[\s\S]*Correct them in the newsprint\(\{ … \}\) call/,
    );
  });

  it('returns an integration named newsprint for valid options', () => {
    expect(newsprint({ paperName: '示例日报', site: 'https://example.com' }).name).toBe('newsprint');
  });
});
