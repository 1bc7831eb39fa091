import { cp, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from './helpers/content-files.ts';
import { edition } from './helpers/editions.ts';
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

  it('exits 2 with the reason and the usage for an unknown option, an option without its value, or a third argument, and writes nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['2023-07-02', 'A03', '--dist', builtSiteDir(), '--outfile', 'x.pdf'], /^Unknown option '--outfile'/],
      [['2023-07-02', 'A03', '--dist', builtSiteDir(), '--out'], /^Option '--out <value>' argument missing/],
      [['2023-07-02', 'A03', 'A04', '--dist', builtSiteDir(), '--out', 'x.pdf'], /^Usage: npm run pdf/],
    ];
    for (const [args, reason] of cases) {
      const run = await runPdf(args, work);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.endsWith('Usage: npm run pdf -- <date> <page> [--dist dist] [--base /] [--out file.pdf]\nFor example: npm run pdf -- 2023-07-02 A03\n')).toBe(true);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(path.join(work, 'x.pdf'))).toBe(false);
  });

  it('exits 1 naming the page and the fix when the page does not fit one sheet even with the smallest type', async () => {
    // A page view with no Newsprint layout (so no type size to change) and 400 paragraphs: no
    // type size brings it onto one sheet, and the script must say so rather than write a
    // several-sheet PDF and exit 0.
    const dist = path.join(work, 'tall');
    await mkdir(path.join(dist, '2030-01-01/T1'), { recursive: true });
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>第${i + 1}段。</p>`).join('');
    await writeFile(path.join(dist, '2030-01-01/T1/index.html'), `<!doctype html><html lang="zh-Hans"><meta charset="utf-8"><title>T1</title>${paragraphs}</html>`);
    const run = await runPdf(['2030-01-01', 'T1', '--dist', 'tall', '--out', 'tall.pdf'], work);
    expect(run.code).toBe(1);
    const pages = Number(/^tall\.pdf written: (\d+) page\(s\)/.exec(run.stdout)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(run.stderr).toBe(`2030-01-01/T1 does not fit one sheet even at 20 characters a column: the PDF has ${pages} pages. Shorten the page's articles or move one to another page.\n`);
    expect((await readPdf(path.join(work, 'tall.pdf'))).pages).toHaveLength(pages);
  });
});

describe('npm run pdf: a site under a base path, written to --out', () => {
  it('serves the fixture site under --base (its stylesheet too: the sheet is A3, not the default Letter) and writes --out relative to where npm ran', async () => {
    const fixture = edition('fixture');
    expect(fixture.base).toBe('/paper/');
    // The base without its slashes, as a reader may type it.
    const run = await runPdf(['2024-01-15', '1', '--dist', fixture.outDir, '--base', 'paper', '--out', 'prints/front.pdf'], work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^prints\/front\.pdf written: 1 page\(s\), \d+ KiB\n$/);
    expect(existsSync(path.join(fixture.outDir, '2024-01-15/1/2024-01-15-1.pdf'))).toBe(false);
    const pdf = await readPdf(path.join(work, 'prints/front.pdf'));
    expect(pdf.pages).toHaveLength(1);
    // Without print.css (a base path served wrong) Chromium prints on Letter, 612 × 792 pt.
    expect(Math.abs(pdf.pages[0]!.width - A3.width)).toBeLessThan(1);
    expect(Math.abs(pdf.pages[0]!.height - A3.height)).toBeLessThan(1);
    expect(Object.fromEntries(missingCharacters('老街花灯点亮夜市老街的灯笼由十二位匠人手工扎制，历时两个月。', pdf.pages[0]!.text))).toEqual({});
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
