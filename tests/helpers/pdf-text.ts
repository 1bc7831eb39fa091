import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runScript } from './run-script.ts';

/**
 * PDFs in the tests: running `npm run pdf`, and what a PDF says, read by an independent parser (Mozilla's pdf.js), not by the script that
 * wrote it: the size of each page in points and the text of each page as extracted.
 */
export interface PdfContent {
  pages: Array<{ width: number; height: number; text: string }>;
}

export async function readPdf(file: string): Promise<PdfContent> {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({ data, useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: PdfContent['pages'] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      pages.push({ width, height, text });
    }
    return { pages };
  } finally {
    await task.destroy();
  }
}

/** Counts of each character of `text` that `pdfText` lacks (empty when every one is there). */
export function missingCharacters(text: string, pdfText: string): Map<string, number> {
  const have = new Map<string, number>();
  for (const ch of pdfText) have.set(ch, (have.get(ch) ?? 0) + 1);
  const missing = new Map<string, number>();
  for (const ch of text) {
    const n = have.get(ch) ?? 0;
    if (n > 0) have.set(ch, n - 1);
    else missing.set(ch, (missing.get(ch) ?? 0) + 1);
  }
  return missing;
}

/** A3 portrait in PDF points (297 × 420 mm at 72 pt an inch). */
export const A3 = { width: (297 / 25.4) * 72, height: (420 / 25.4) * 72 };

export type { Run } from './run-script.ts';

/** Runs `scripts/pdf.ts` as `npm run pdf` would, with relative paths starting at `cwd` (INIT_CWD). */
export const runPdf = (args: string[], cwd: string) => runScript('pdf.ts', args, cwd);
