import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../chromium/launch.ts';
import { SHEET } from '../print-layout/sheet.ts';
import { measurePage, type PageMeasure } from './measure-page.ts';
import { SELECTORS } from './selectors.ts';

/**
 * Chromium, set up to measure page views as they print: a viewport as wide as the sheet's
 * printable area, print media (so `print.css` applies), and the site's own origin only. Page
 * scripts are not run: the page view needs none, and in `astro dev` they would start the dev
 * toolbar, and with it another pre-press check, inside the measuring browser.
 */
export interface LayoutBrowser {
  /** Loads `url`, waits for its web fonts and measures it. Calls may overlap: each takes a free tab. */
  measure(url: string): Promise<PageMeasure>;
  /** How many pages it measures at once. */
  readonly tabs: number;
  /** Milliseconds spent so far, summed over the tabs, by phase. */
  timings(): LayoutTimings;
  close(): Promise<void>;
}

export interface LayoutTimings {
  pages: number;
  /** Loading the page view: the server's answer, its stylesheets, layout. */
  load: number;
  /** Waiting for the web fonts the page uses. */
  fonts: number;
  /** Running measure-page.ts in the page. */
  measure: number;
}

export interface LayoutBrowserOptions {
  /**
   * Tabs measuring at once (default 2). One browser, one context: the tabs share its cache, so
   * the fonts are fetched once. More tabs than cores gain little: the page's layout is the work.
   */
  tabs?: number;
}

export async function openLayoutBrowser({ tabs = 2 }: LayoutBrowserOptions = {}): Promise<LayoutBrowser> {
  const browser: Browser = await launchChromium({ localOnly: true });
  let context: BrowserContext | undefined;
  try {
    // No request interception: Playwright turns the HTTP cache off for a routed context, and
    // every page would fetch its web fonts again (with the cache, and a built site served
    // cacheable, the wait for fonts fell from 0.84 to 0.43 s a page on one tab). Page scripts
    // are switched off instead, and Chromium resolves no host but 127.0.0.1
    // (launchChromium's `localOnly`), so nothing leaves the machine.
    context = await browser.newContext({ viewport: { width: Math.round(SHEET.width), height: Math.round(SHEET.height) }, deviceScaleFactor: 1, javaScriptEnabled: false });
    const free: Page[] = [];
    for (let i = 0; i < Math.max(1, tabs); i++) {
      const tab = await context.newPage();
      await tab.emulateMedia({ media: 'print' });
      // A dev server compiles the page view on its first request, which can take a minute on a
      // busy machine; a built site answers at once.
      tab.setDefaultTimeout(180_000);
      free.push(tab);
    }
    const count = free.length;
    const waiting: ((tab: Page) => void)[] = [];
    const take = () => new Promise<Page>((resolve) => (free.length > 0 ? resolve(free.pop()!) : waiting.push(resolve)));
    const give = (tab: Page) => (waiting.length > 0 ? waiting.shift()!(tab) : free.push(tab));
    const spent: LayoutTimings = { pages: 0, load: 0, fonts: 0, measure: 0 };
    const measure = async (url: string) => {
      const tab = await take();
      try {
        const t0 = performance.now();
        const response = await tab.goto(url, { waitUntil: 'load' });
        if (!response?.ok()) throw new Error(`The page view ${url} answered ${response?.status() ?? 'nothing'}; is the site running and the page in it?`);
        const t1 = performance.now();
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        const t2 = performance.now();
        const result = await tab.evaluate(measurePage, SELECTORS);
        const t3 = performance.now();
        spent.pages++;
        spent.load += t1 - t0;
        spent.fonts += t2 - t1;
        spent.measure += t3 - t2;
        return result;
      } finally {
        give(tab);
      }
    };
    return { measure, tabs: count, timings: () => ({ ...spent }), close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
