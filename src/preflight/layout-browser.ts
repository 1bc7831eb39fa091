import type { Browser, BrowserContext } from 'playwright-core';
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
  /** Loads `url`, waits for its web fonts and measures it. */
  measure(url: string): Promise<PageMeasure>;
  close(): Promise<void>;
}

export async function openLayoutBrowser(): Promise<LayoutBrowser> {
  const browser: Browser = await launchChromium();
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport: { width: Math.round(SHEET.width), height: Math.round(SHEET.height) }, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    await tab.emulateMedia({ media: 'print' });
    // A dev server compiles the page view on its first request, which can take a minute on a
    // busy machine; a built site answers at once.
    tab.setDefaultTimeout(180_000);
    let origin = '';
    await tab.route('**/*', (route) => {
      const request = route.request();
      if (new URL(request.url()).origin !== origin || request.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    // One page at a time on one tab: measuring is quick, loading fonts is what takes time, and
    // the tab's memory cache keeps the fonts from one page to the next.
    let queue: Promise<unknown> = Promise.resolve();
    const measure = (url: string) => {
      const run = queue.then(async () => {
        origin = new URL(url).origin;
        const response = await tab.goto(url, { waitUntil: 'load' });
        if (!response?.ok()) throw new Error(`The page view ${url} answered ${response?.status() ?? 'nothing'}; is the site running and the page in it?`);
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        return tab.evaluate(measurePage, SELECTORS);
      });
      queue = run.catch(() => undefined);
      return run;
    };
    return { measure, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
