import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePagePdf } from '../scripts/pdf.ts';
import { GENERATED, generatedArticles } from './helpers/generated-page.ts';
import { artifactsDir, pageViewSuite } from './helpers/page-suite.ts';
import { edition } from './helpers/editions.ts';

/**
 * A generated tabloid page of four very different articles (very long lead, no deck or lead,
 * two figures, a brief), part of the shared generated edition (a scratch copy of the fixture
 * site): placement beyond the sample, with the same browser checks as the sample page.
 */
const site = async () => edition('edition');
const articles = generatedArticles();

describe('generated: the four articles', () => {
  it('differ as intended: one very long, one without deck or lead, one with two figures', () => {
    const length = (a: (typeof articles)[number]) => a.sections.flatMap((s) => s.paragraphs).join('').length;
    expect(length(articles[0]!)).toBeGreaterThan(5 * Math.max(...articles.slice(1).map(length)));
    expect(articles.some((a) => !a.data.deck && !a.data.lead)).toBe(true);
    expect(articles.some((a) => a.data.figures.length === 2)).toBe(true);
  });
});

pageViewSuite({
  name: 'generated',
  siteDir: async () => (await site()).outDir,
  base: GENERATED.base,
  date: GENERATED.date,
  page: GENERATED.page,
  articles,
});

describe('generated: printing the page view', () => {
  it('fits the very long page on one A3 sheet, setting the type smaller rather than cutting', async () => {
    const { outDir } = await site();
    const out = path.join(artifactsDir('generated'), `${GENERATED.date}-${GENERATED.page}.pdf`);
    const result = await writePagePdf({ siteDir: outDir, base: GENERATED.base, date: GENERATED.date, page: GENERATED.page, out, screenshot: path.join(artifactsDir('generated'), 'print.png') });
    await writeFile(path.join(artifactsDir('generated'), 'pdf.json'), `${JSON.stringify(result, null, 2)}\n`);
    expect(result.pages).toBe(1);
    expect(result.columnChars).toBeGreaterThan(10);
  });
});
