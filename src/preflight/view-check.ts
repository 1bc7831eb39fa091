import type { LayoutBrowser } from './layout-browser.ts';
import type { Problem } from './problem.ts';
import { runPreflight } from './run-preflight.ts';

/**
 * The pre-press check of one view of the dev server, for its dev toolbar app: the problems of
 * a page view (all of the page's), or of an article view (its article's), with the page's
 * layout measured in Chromium on the dev server itself. Results are kept per page until
 * content changes.
 */

export type View = { kind: 'page' | 'article'; date: string; page: string; slug?: string } | { kind: 'other' };

/** What `pathname` (under `base`) shows: `/<date>/<page>/` or `/<date>/<page>/<article>/`. */
export function viewOf(pathname: string, base: string): View {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return { kind: 'other' };
  const parts = pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(parts[0] ?? '') || parts.length < 2 || parts.length > 3) return { kind: 'other' };
  return parts.length === 2 ? { kind: 'page', date: parts[0]!, page: parts[1]! } : { kind: 'article', date: parts[0]!, page: parts[1]!, slug: parts[2]! };
}

export interface ViewChecker {
  check(pathname: string): Promise<{ view: View['kind']; problems: Problem[] }>;
  /** Forgets every result: content has changed. */
  invalidate(): void;
  close(): Promise<void>;
}

export interface ViewCheckerOptions {
  root: string;
  contentDir: string;
  base: string;
  origin: () => string;
  openBrowser: () => Promise<LayoutBrowser>;
  /**
   * False while the views cannot be measured (the preview shows content errors in its overlay
   * instead of the page): then only the content checks run, which report the bad file, and
   * nothing is kept.
   */
  canMeasure?: () => boolean;
}

export function viewChecker(options: ViewCheckerOptions): ViewChecker {
  const cache = new Map<string, Promise<Problem[]>>();
  let browser: Promise<LayoutBrowser> | undefined;
  const pageProblems = async (date: string, page: string): Promise<Problem[]> => {
    if (options.canMeasure?.() === false) {
      return runPreflight({ root: options.root, contentDir: options.contentDir, date, page }).then((r) => r.problems);
    }
    const key = `${date}/${page}`;
    let found = cache.get(key);
    if (!found) {
      browser ??= options.openBrowser();
      found = browser.then((b) =>
        runPreflight({ root: options.root, contentDir: options.contentDir, date, page, browser: b, pageUrl: (d, p) => new URL(`${options.base}${d}/${encodeURIComponent(p)}/`.replace(/\/+/g, '/'), options.origin()).href }),
      ).then((r) => r.problems);
      cache.set(key, found);
      // A failed check is not kept: the next request tries again.
      found.catch(() => cache.delete(key));
    }
    return found;
  };
  return {
    async check(pathname) {
      const view = viewOf(pathname, options.base);
      if (view.kind === 'other') return { view: 'other', problems: [] };
      const problems = await pageProblems(view.date, view.page);
      if (view.kind === 'page') return { view: 'page', problems };
      const id = `${view.date}/${view.page}/${view.slug}`;
      return { view: 'article', problems: problems.filter((p) => p.article === id) };
    },
    invalidate: () => cache.clear(),
    async close() {
      const b = await browser?.catch(() => undefined);
      browser = undefined;
      await b?.close();
    },
  };
}
