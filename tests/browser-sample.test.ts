import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePagePdf } from '../scripts/pdf.ts';
import { readArticle } from './helpers/content-files.ts';
import { artifactsDir, pageViewSuite } from './helpers/page-suite.ts';
import { builtSiteDir } from './helpers/paths.ts';
import { missingCharacters, readPdf } from './helpers/pdf-text.ts';

/** The sample page A03 of 2023-07-02 and its two articles, in Chromium (see page-suite.ts). */
const articles = ['1', '2'].map((slug) => ({ slug, ...readArticle(`2023-07-02/A03-${slug}.md`) }));

pageViewSuite({ name: 'sample', siteDir: builtSiteDir, base: '/', date: '2023-07-02', page: 'A03', articles });

describe('sample: printing the page view', () => {
  it('gives one A3 page with the type as designed (nothing shrunk, nothing cut)', async () => {
    const out = path.join(artifactsDir('sample'), '2023-07-02-A03.pdf');
    const result = await writePagePdf({ siteDir: builtSiteDir(), date: '2023-07-02', page: 'A03', out, screenshot: path.join(artifactsDir('sample'), 'print.png') });
    await writeFile(path.join(artifactsDir('sample'), 'pdf.json'), `${JSON.stringify(result, null, 2)}\n`);
    expect(result.pages).toBe(1);
    expect(result.columnChars).toBe(10);
    expect(result.bytes).toBeGreaterThan(10_000);
    // Nothing cut: pdf.js finds every character of both bodies (spaces aside) in the PDF's text.
    const pdf = await readPdf(out);
    expect(pdf.pages).toHaveLength(1);
    const body = articles.flatMap((a) => a.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs])).join('').replace(/\s/g, '');
    expect(body.length).toBeGreaterThan(3000);
    expect(Object.fromEntries(missingCharacters(body, pdf.pages[0]!.text))).toEqual({});
  });
});
