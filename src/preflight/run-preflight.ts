import { contentChecks } from './content-checks.ts';
import { glyphChecks } from './glyph-check.ts';
import { layoutChecks } from './layout-checks.ts';
import type { LayoutBrowser } from './layout-browser.ts';
import { compareProblems, type Problem } from './problem.ts';
import { pageId, readContent, type PreflightPage } from './read-content.ts';

/**
 * The pre-press check of an edition: content checks from the files (no browser), then, when a
 * browser and the page views' address are given, the layout checks measured in Chromium.
 * The command line (`npm run preflight`) and the dev toolbar app both run this.
 */
export interface PreflightOptions {
  /** The project root: reported files are relative to it. */
  root: string;
  /** The content folder (`<root>/content`). */
  contentDir: string;
  /** Only this issue (`YYYY-MM-DD`); default every issue. */
  date?: string;
  /** Only this page number of the issue. */
  page?: string;
  /** Measures page views; without it only the content checks run. */
  browser?: LayoutBrowser;
  /** The URL of a page view, for example `http://127.0.0.1:4321/2023-07-02/A03/`. */
  pageUrl?: (date: string, page: string) => string;
  /** Called after each page is measured, for progress output. */
  onPage?: (page: string, index: number, total: number) => void;
}

export interface PreflightResult {
  problems: Problem[];
  pages: PreflightPage[];
}

export async function runPreflight(options: PreflightOptions): Promise<PreflightResult> {
  const read = await readContent(options.root, options.contentDir, options.date);
  const pages = read.pages.filter((p) => options.page === undefined || p.data.number === options.page);
  const problems = [...read.problems.filter((p) => options.page === undefined || p.page === `${options.date}/${options.page}`), ...contentChecks(pages), ...(await glyphChecks(pages))];
  const { browser, pageUrl } = options;
  if (browser && pageUrl) {
    // Every page at once: the browser measures as many as it has tabs and queues the rest.
    let done = 0;
    const measured = await Promise.all(
      pages.map(async (page) => {
        const found = layoutChecks(page, await browser.measure(pageUrl(page.date, page.data.number)));
        options.onPage?.(pageId(page), ++done, pages.length);
        return found;
      }),
    );
    problems.push(...measured.flat());
  }
  return { problems: problems.sort(compareProblems), pages };
}
