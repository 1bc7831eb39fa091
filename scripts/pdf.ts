/**
 * `npm run pdf -- <date> <page> [--dist dist] [--base /] [--out file.pdf]`: prints a built
 * page view to a one-page PDF (A3 portrait, from the page's `@page` rule) with Chromium, the
 * way a reader's "print to PDF" would, and checks it is one page.
 *
 * The built site is served to Chromium from memory (request interception), so no server
 * and no network are needed; any request that would leave the site is refused. A page whose
 * content is taller than the sheet is fitted by setting its type smaller (more characters a
 * basic column: `--np-column-chars`), never by cutting it. Chromium: `/usr/bin/chromium`, or
 * the path in CHROMIUM_PATH.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../src/chromium/launch.ts';
import { SHEET, SHEET_FIT } from '../src/print-layout/sheet.ts';

const ORIGIN = 'http://newsprint.local';
/** The type may shrink from 10 up to this many characters a basic column to fit the sheet. */
const MAX_COLUMN_CHARS = 20;
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg' };

export interface PdfOptions {
  /** The built site (`dist/`). */
  siteDir: string;
  /** The site's base path, `/` unless the edition sets `base`. */
  base?: string;
  date: string;
  page: string;
  /** Where to write the PDF. */
  out: string;
  /** Also save a PNG of the page as printed (for tests and review). */
  screenshot?: string;
}

export interface PdfResult {
  out: string;
  bytes: number;
  /** Pages in the PDF: 1 unless something went wrong. */
  pages: number;
  /** Characters a basic column needed to fit the sheet (10 when the page fits as designed). */
  columnChars: number;
}

/** Counts the page objects of a PDF (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

export async function writePagePdf({ siteDir, base = '/', date, page, out, screenshot }: PdfOptions): Promise<PdfResult> {
  const root = path.resolve(siteDir);
  const entry = path.join(root, date, page, 'index.html');
  await stat(entry).catch(() => {
    throw new Error(`${path.relative(process.cwd(), entry)} does not exist: run \`npm run build\` first, and check the date and page number.`);
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: Math.round(SHEET.width), height: Math.round(SHEET.height) } });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN || !url.pathname.startsWith(base)) return route.abort();
      let file = path.join(root, decodeURIComponent(url.pathname.slice(base.length - 1)));
      if (!file.startsWith(root)) return route.abort();
      if (file.endsWith('/')) file = path.join(file, 'index.html');
      try {
        return await route.fulfill({ body: await readFile(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    const tab = await context.newPage();
    await tab.emulateMedia({ media: 'print' });
    const response = await tab.goto(`${ORIGIN}${base}${date}/${page}/`, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`The page view ${date}/${page} answered ${response?.status()}.`);
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));
    // Fit: the smallest change of type size that brings the page onto one sheet.
    let columnChars = 10;
    for (;;) {
      const height = await tab.evaluate(async (chars) => {
        document.documentElement.style.setProperty('--np-column-chars', String(chars));
        await document.fonts.ready;
        // The body's own height: the root's scroll height is never less than the viewport.
        return Math.ceil(document.body.getBoundingClientRect().height);
      }, columnChars);
      if (height <= SHEET.height * SHEET_FIT || columnChars >= MAX_COLUMN_CHARS) break;
      columnChars++;
    }
    if (screenshot) await tab.screenshot({ path: screenshot, fullPage: true });
    const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, pdf);
    return { out, bytes: pdf.length, pages: countPdfPages(pdf), columnChars };
  } finally {
    await browser.close();
  }
}

export const PDF_USAGE = 'Usage: npm run pdf -- <date> <page> [--dist dist] [--base /] [--out file.pdf]\nFor example: npm run pdf -- 2023-07-02 A03';

async function main(argv: string[]) {
  let parsed;
  try {
    // strict: an unknown option or one without its value is wrong usage, not silently ignored.
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { dist: { type: 'string' }, base: { type: 'string' }, out: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${PDF_USAGE}\n`);
    return 2;
  }
  const options = parsed.values;
  const [date, page, ...extra] = parsed.positionals;
  if (!date || !page || extra.length > 0) {
    process.stderr.write(`${PDF_USAGE}\n`);
    return 2;
  }
  // npm runs scripts from the project root; relative paths start where the user ran npm.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const siteDir = path.resolve(cwd, options.dist ?? 'dist');
  const out = path.resolve(cwd, options.out ?? path.join(siteDir, date, page, `${date}-${page}.pdf`));
  // The base path as Astro's `base` option takes it, with or without its slashes (`paper`, `/paper/`).
  const trimmed = (options.base ?? '').replace(/^\/+|\/+$/g, '');
  const base = trimmed === '' ? '/' : `/${trimmed}/`;
  const result = await writePagePdf({ siteDir, base, date, page, out });
  const shrink = result.columnChars > 10 ? `, type set smaller (${result.columnChars} characters a column) to fit` : '';
  process.stdout.write(`${path.relative(cwd, result.out)} written: ${result.pages} page(s), ${Math.round(result.bytes / 1024)} KiB${shrink}\n`);
  if (result.pages === 1) return 0;
  process.stderr.write(`${date}/${page} does not fit one sheet even at ${result.columnChars} characters a column: the PDF has ${result.pages} pages. Shorten the page's articles or move one to another page.\n`);
  return 1;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
