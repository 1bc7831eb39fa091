import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro-cli.ts';
import { attr, byTag, findAll, hasClass, loadPage, text } from './helpers/html.ts';
import { projectRoot, scratchDir } from './helpers/paths.ts';

/**
 * A second site (tests/fixture-site) that adds Newsprint through astro.config.mjs and
 * src/content.config.ts like any user would, with its own content, options and base path.
 */
const outDir = () => path.join(scratchDir(), 'fixture-dist');

describe('the fixture site built with the integration', () => {
  beforeAll(async () => {
    await rm(outDir(), { recursive: true, force: true });
    const result = await runAstro(['build', '--root', 'tests/fixture-site', '--outDir', outDir()], projectRoot);
    expect(result.code, result.output).toBe(0);
  });

  it('writes its own issue under its own paper name, with links under its base path', () => {
    const doc = loadPage('/2024-01-15/', outDir());
    expect(text(findAll(doc, byTag('h1'))[0]!)).toContain('测试晚报');
    const hrefs = findAll(doc, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/paper/2024-01-15/1/', '/paper/2024-01-15/1/1/', '/paper/2024-01-15/1/weather/']));
  });

  it('renders a headline given as two printed lines, and the page credits', () => {
    const doc = loadPage('/2024-01-15/1/1/', outDir());
    expect(text(findAll(doc, byTag('h1'))[0]!)).toBe('老街花灯\n点亮夜市');
    expect(text(findAll(doc, hasClass('np-credit-line'))[0]!)).toBe('责任编辑：王小明　校对：李华 张伟');
  });

  it('escapes markup in a Markdown article instead of running it', () => {
    const doc = loadPage('/2024-01-15/1/1/', outDir());
    expect(findAll(doc, byTag('script'))).toHaveLength(0);
    expect(text(findAll(doc, hasClass('np-article-body'))[0]!)).toContain('<script>alert("x")</script>');
  });

  it('renders a hand-made MDX article with its expressions', () => {
    const doc = loadPage('/2024-01-15/1/weather/', outDir());
    expect(text(findAll(doc, byTag('strong'))[0]!)).toBe('12℃');
  });
});
