import { cp, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from './helpers/content-files.ts';
import { builtSiteDir, scratchDir } from './helpers/paths.ts';
import { A3, missingCharacters, readPdf, runPdf } from './helpers/pdf-text.ts';

/**
 * `npm run pdf` as a reader runs it: the real script in its own process, relative paths from
 * where npm was run (INIT_CWD), its exit codes, and the PDF it writes read back by pdf.js.
 */
const bodyOf = (name: string) =>
  readArticle(`2023-07-02/${name}`).sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]).join('');

let work = '';
beforeAll(async () => {
  work = path.join(scratchDir(), 'pdf-cli');
  await mkdir(work, { recursive: true });
});

describe('npm run pdf: usage and errors', () => {
  it('prints the usage and exits 2 without a date and a page', async () => {
    for (const args of [[], ['2023-07-02']]) {
      const run = await runPdf(args, work);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^Usage: npm run pdf -- <date> <page> \[--dist dist\] \[--base \/\] \[--out file\.pdf\]\nFor example: npm run pdf -- 2023-07-02 A03\n$/);
      expect(run.stdout).toBe('');
    }
  });

  it('exits 1 naming the missing page file and the fix, and writes nothing', async () => {
    const run = await runPdf(['2023-07-02', 'Z99', '--dist', builtSiteDir(), '--out', 'never.pdf'], work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/2023-07-02\/Z99\/index\.html does not exist: run `npm run build` first, and check the date and page number\./);
    expect(existsSync(path.join(work, 'never.pdf'))).toBe(false);
  });
});

describe('npm run pdf: the sample page', () => {
  it('writes next to the page in --dist (relative to where npm ran) one A3 page holding every body character', async () => {
    const dist = path.join(work, 'site');
    await cp(builtSiteDir(), dist, { recursive: true });
    const run = await runPdf(['2023-07-02', 'A03', '--dist', 'site'], work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^site\/2023-07-02\/A03\/2023-07-02-A03\.pdf written: 1 page\(s\), \d+ KiB\n$/);
    const pdf = await readPdf(path.join(dist, '2023-07-02/A03/2023-07-02-A03.pdf'));
    expect(pdf.pages).toHaveLength(1);
    // Chromium rounds the sheet to whole CSS px: measured 841.92 × 1191.12 pt for 841.89 × 1190.55.
    expect(Math.abs(pdf.pages[0]!.width - A3.width)).toBeLessThan(1);
    expect(Math.abs(pdf.pages[0]!.height - A3.height)).toBeLessThan(1);
    // Every character of both bodies, read from the PDF's text (spaces aside): nothing cut.
    const body = (bodyOf('A03-1.md') + bodyOf('A03-2.md')).replace(/\s/g, '');
    expect(body.length).toBeGreaterThan(3000);
    console.log(`pdf: ${pdf.pages[0]!.width} × ${pdf.pages[0]!.height} pt, ${[...pdf.pages[0]!.text].length} characters of text`);
    expect(Object.fromEntries(missingCharacters(body, pdf.pages[0]!.text))).toEqual({});
  });
});
