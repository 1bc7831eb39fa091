import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, byTag, findAll, hasClass, loadPage, text } from './helpers/html.ts';
import { scratchDir } from './helpers/paths.ts';
import { edition } from './helpers/editions.ts';
import { A3, readPdf, runPdf } from './helpers/pdf-text.ts';

/**
 * A second site (tests/fixture-site) that adds Newsprint through astro.config.mjs and
 * src/content.config.ts like any user would, with its own content, options and base path.
 */
const outDir = () => edition('fixture').outDir;

describe('the fixture site built with the integration', () => {
  it('gives its front page the masthead (报头), not a page header, and no sample label', () => {
    const doc = loadPage('/2024-01-15/1/', outDir());
    const masthead = findAll(doc, hasClass('np-masthead'));
    expect(masthead).toHaveLength(1);
    expect(text(findAll(masthead[0]!, hasClass('np-masthead-name'))[0]!)).toBe('测试晚报');
    expect(text(findAll(masthead[0]!, hasClass('np-masthead-line'))[0]!)).toMatch(/^2024年1月15日 星期一\s*第1版 · 头版$/);
    expect(findAll(doc, hasClass('np-folio'))).toHaveLength(0);
    expect(findAll(doc, hasClass('np-sample-notice'))).toHaveLength(0);
  });

  it('shows a figure with its image file from public/, under the base path, with its alt text and credit', () => {
    const doc = loadPage('/2024-01-15/1/lantern/', outDir());
    const figure = findAll(doc, hasClass('np-figure'))[0]!;
    const img = findAll(figure, byTag('img'))[0]!;
    expect(attr(img, 'src')).toBe('/paper/2024-01-15/lantern.svg');
    expect(attr(img, 'alt')).toBe('一盏红色的灯笼');
    expect(findAll(figure, hasClass('np-figure-frame'))).toHaveLength(0);
    expect(text(findAll(figure, byTag('figcaption'))[0]!)).toBe('匠人在老街扎制兔子灯。 记者 周明 摄');
    // The file is where that URL points once the site is served under /paper/.
    expect(existsSync(path.join(outDir(), '2024-01-15/lantern.svg'))).toBe(true);
  });

  it('writes its own issue under its own paper name, with links under its base path', () => {
    const doc = loadPage('/2024-01-15/', outDir());
    expect(text(findAll(doc, byTag('h1'))[0]!)).toContain('测试晚报');
    const hrefs = findAll(doc, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/paper/2024-01-15/1/', '/paper/2024-01-15/1/lantern/', '/paper/2024-01-15/1/weather/']));
  });

  it('renders a headline given as two printed lines, and the page credits', () => {
    const doc = loadPage('/2024-01-15/1/lantern/', outDir());
    expect(text(findAll(doc, byTag('h1'))[0]!)).toBe('老街花灯\n点亮夜市');
    expect(text(findAll(doc, hasClass('np-credit-line'))[0]!)).toBe('责任编辑：王小明　校对：李华 张伟');
  });

  it('escapes markup in a Markdown article instead of running it', () => {
    const doc = loadPage('/2024-01-15/1/lantern/', outDir());
    // The only script is the structured data, which is JSON, never run.
    expect(findAll(doc, byTag('script')).map((s) => attr(s, 'type'))).toEqual(['application/ld+json']);
    expect(text(findAll(doc, hasClass('np-article-body'))[0]!)).toContain('<script>alert("x")</script>');
  });

  it('renders a hand-made MDX article with its expressions', () => {
    const doc = loadPage('/2024-01-15/1/weather/', outDir());
    expect(text(findAll(doc, byTag('strong'))[0]!)).toBe('12℃');
  });

  it('prints a page with npm run pdf under its base path (--base), to --out relative to where npm ran', async () => {
    const run = await runPdf(['2024-01-15', '1', '--dist', outDir(), '--base', '/paper/', '--out', 'fixture-1.pdf'], scratchDir());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^fixture-1\.pdf written: 1 page\(s\)/);
    const pdf = await readPdf(path.join(scratchDir(), 'fixture-1.pdf'));
    // A3 comes from the site's print CSS, found only under the base path (else: US Letter).
    expect(pdf.pages).toHaveLength(1);
    expect(Math.abs(pdf.pages[0]!.width - A3.width)).toBeLessThan(1);
    expect(Math.abs(pdf.pages[0]!.height - A3.height)).toBeLessThan(1);
    expect(pdf.pages[0]!.text.replace(/\s/g, '')).toContain('老街花灯点亮夜市');
  });
});
