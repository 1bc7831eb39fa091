import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/schemas/article.ts';
import type { BodySection } from '../../src/model/body.ts';
import { launch, open, type Session } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { blockBoxes, columnSpread, linesOf, overlaps, phraseBreaks, prohibitedBreaks, visibility } from './layout-checks.ts';
import { projectRoot } from './paths.ts';

/**
 * The browser checks of one printed page and its articles, at a desktop and a phone width,
 * in real Chromium against a built site: shared by the sample page and the generated page.
 */

export interface SuiteArticle {
  slug: string;
  data: ArticleData;
  sections: BodySection[];
}

export interface SuiteOptions {
  /** Names the artifacts folder. */
  name: string;
  /** The built site (resolved when the suite starts). */
  siteDir: () => string | Promise<string>;
  base: string;
  date: string;
  page: string;
  articles: SuiteArticle[];
}

export const WIDTHS = [1440, 390] as const;
/** Text whose lines must obey the clreq line-start and line-end rules. */
const TEXT = '.np-article-body p, .np-lead, .np-headline, .np-kicker, .np-deck, .np-section-head, figcaption, .np-byline, .np-credit-line';
/** Text that may break only between phrases. */
const PHRASED = '.np-headline .np-phrase-text, .np-kicker .np-phrase-text, .np-deck .np-phrase-text, .np-section-head .np-phrase-text, figcaption .np-phrase-text';

export const artifactsDir = (name: string) => path.join(projectRoot, '.cache/artifacts', name);

/** Paragraph text of an article body as the source has it. */
const paragraphs = (a: SuiteArticle) => a.sections.flatMap((s) => s.paragraphs);

export function pageViewSuite(options: SuiteOptions) {
  const { base, date, page: number, articles } = options;
  const pagePath = `${base}${date}/${number}/`;
  const articlePath = (slug: string) => `${pagePath}${slug}/`;
  let server: StaticServer;
  let session: Session;
  const fonts = new Map<string, { files: number; bytes: number }>();

  /** Opens a view and records the font files it downloaded (from the resource timing log). */
  async function view(url: string, width: number): Promise<Page> {
    const tab = await open(session, `${server.origin}${url}`, width);
    const loaded = await tab.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.woff2?$/.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).encodedBodySize),
    );
    fonts.set(`${url} @${width}`, { files: loaded.length, bytes: loaded.reduce((n, b) => n + b, 0) });
    return tab;
  }

  /**
   * One tab per view and width for the checks that only read the page. Tests of a file run one
   * after another, so they take turns on it; loading a broadsheet page with its web fonts is most
   * of what such a check costs. Checks that type, click or navigate open their own tab.
   */
  const tabs = new Map<string, Promise<Page>>();
  function shared(url: string, width: number): Promise<Page> {
    const key = `${url} @${width}`;
    if (!tabs.has(key)) tabs.set(key, view(url, width));
    return tabs.get(key)!;
  }

  describe(`${options.name}: the page view and its articles in Chromium`, () => {
    beforeAll(async () => {
      server = await serveStatic(await options.siteDir(), base);
      session = await launch();
      await mkdir(artifactsDir(options.name), { recursive: true });
    });
    afterAll(async () => {
      for (const tab of tabs.values()) await (await tab).close();
      await writeFile(path.join(artifactsDir(options.name), 'fonts.json'), `${JSON.stringify(Object.fromEntries(fonts), null, 2)}\n`);
      await session?.close();
      await server?.close();
    });

    for (const width of WIDTHS) {
      const wide = width >= 1100;
      describe(`at ${width} px`, () => {
        it('page view: loads with no request leaving the site, no horizontal scrolling, and a screenshot', async () => {
          const tab = await shared(pagePath, width);
          await tab.screenshot({ path: path.join(artifactsDir(options.name), `page-${width}.png`), fullPage: true });
          const { scrollWidth, clientWidth } = await tab.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
          expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
          expect(session.offsite).toEqual([]);
          // The fonts come split by unicode-range: the page fetches only some of the chunks.
          const font = fonts.get(`${pagePath} @${width}`)!;
          const faces = await tab.evaluate(() => document.fonts.size);
          expect(font.files).toBeGreaterThan(0);
          expect(font.files).toBeLessThan(faces / 2);
        });

        it('page view: no two article blocks overlap', async () => {
          const tab = await shared(pagePath, width);
          const boxes = await blockBoxes(tab);
          expect(boxes).toHaveLength(articles.length);
          expect(overlaps(boxes)).toEqual([]);
        });

        it(
          wide
            ? 'page view: every character of every body is there and visible inside its block'
            : 'page view: a list of blocks, each headline stack and lead visible at full width',
          async () => {
            const tab = await shared(pagePath, width);
            if (wide) {
              for (const article of articles) {
                const block = `.np-block[aria-labelledby="block-${article.slug}"]`;
                const seen = await visibility(tab, `${block} .np-article-body p`, '.np-block');
                expect(seen.hidden, article.slug).toEqual([]);
                expect(seen.text).toBe(paragraphs(article).map((p) => `${p}\n`).join(''));
              }
              const apparatus = await visibility(tab, '.np-block :is(.np-headline, .np-kicker, .np-deck, .np-lead, .np-byline, .np-section-head, figcaption)', '.np-block');
              expect(apparatus.hidden).toEqual([]);
            } else {
              const seen = await visibility(tab, '.np-block .np-headline, .np-block .np-kicker, .np-block .np-deck, .np-block .np-lead', '.np-block');
              expect(seen.hidden).toEqual([]);
              const expected = articles.flatMap((a) => [a.data.kicker, a.data.headline.join(''), a.data.deck, a.data.lead]).filter(Boolean).join('');
              expect(seen.text.replaceAll('\n', '')).toBe(expected);
              const boxes = await blockBoxes(tab);
              for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
              for (const box of boxes) expect(box.right - box.left).toBeGreaterThan(width * 0.8);
            }
          },
        );

        it('page view: no line starts with a closing mark or ends with an opening one', async () => {
          const tab = await shared(pagePath, width);
          const lines = await linesOf(tab, `.np-print :is(${TEXT})`);
          expect(lines.length).toBeGreaterThan(wide ? 100 : 10);
          expect(prohibitedBreaks(lines)).toEqual([]);
        });

        it('page view: headlines, kickers, decks, section heads and captions break only between phrases', async () => {
          const tab = await shared(pagePath, width);
          const lines = await linesOf(tab, `.np-print :is(${PHRASED})`);
          const breaks = await phraseBreaks(tab, `.np-print :is(${PHRASED})`);
          const bad = lines.filter((l) => l.start > 0 && !breaks[l.index]!.allowed.includes(l.start));
          expect(bad.map((l) => `“${l.owner}” breaks before “${l.text}”`)).toEqual([]);
        });

        if (wide) {
          it('page view: the columns of each block end level, within two lines', async () => {
            const tab = await shared(pagePath, width);
            const spreads = await columnSpread(tab);
            expect(spreads).toHaveLength(articles.length);
            for (const s of spreads) expect(s.spreadLines, s.label).toBeLessThanOrEqual(2.05);
          });

          it('page view: every block is a heading that links to its article, reachable by keyboard in reading order', async () => {
            const tab = await view(pagePath, width);
            const links = await tab.$$eval('.np-block h2.np-headline a', (as) => as.map((a) => a.getAttribute('href')));
            expect(links).toEqual(articles.map((a) => articlePath(a.slug)));
            const focused: string[] = [];
            for (let i = 0; i < 40 && focused.length < articles.length; i++) {
              await tab.keyboard.press('Tab');
              const href = await tab.evaluate(() => (document.activeElement?.closest('.np-block') ? document.activeElement.getAttribute('href') : null));
              if (href) focused.push(href);
            }
            expect(focused).toEqual(links);
            await tab.close();
          });
        }

        for (const [i, article] of articles.entries()) {
          it(`article view ${article.slug}: every character visible, clreq line breaks, ${wide ? '30–40' : 'full-width'} lines, screenshot`, async () => {
            const tab = await shared(articlePath(article.slug), width);
            if (i === 0) await tab.screenshot({ path: path.join(artifactsDir(options.name), `article-${width}.png`), fullPage: true });
            const seen = await visibility(tab, '.np-article .np-article-body p', '.np-article');
            expect(seen.hidden).toEqual([]);
            expect(seen.text).toBe(paragraphs(article).map((p) => `${p}\n`).join(''));
            const lines = await linesOf(tab, `.np-article :is(${TEXT})`);
            expect(prohibitedBreaks(lines)).toEqual([]);
            // clreq: a paragraph never ends on a line of one character (孤字).
            const body = await linesOf(tab, '.np-article .np-article-body p');
            const widows = body.filter((l, k) => body[k + 1]?.index !== l.index && l.start > 0 && Array.from(l.text.trim()).length < 2);
            expect(widows.map((l) => l.owner.slice(-12))).toEqual([]);
            const phrased = await linesOf(tab, `.np-article :is(${PHRASED})`);
            const breaks = await phraseBreaks(tab, `.np-article :is(${PHRASED})`);
            expect(phrased.filter((l) => l.start > 0 && !breaks[l.index]!.allowed.includes(l.start)).map((l) => l.text)).toEqual([]);
            const { scrollWidth, clientWidth } = await tab.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
            expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
            if (wide) {
              // Full lines of body text (not a paragraph's last) hold 30–40 characters.
              const full = body.filter((l, k) => body[k + 1]?.index === l.index).map((l) => Array.from(l.text).length);
              full.sort((a, b) => a - b);
              const median = full[Math.floor(full.length / 2)]!;
              expect(median).toBeGreaterThanOrEqual(30);
              expect(median).toBeLessThanOrEqual(40);
            }
            expect(session.offsite).toEqual([]);
          });
        }
      });
    }

    it('article views link back to their page, and to the previous and next article', async () => {
      for (const [i, article] of articles.entries()) {
        const tab = await shared(articlePath(article.slug), 1440);
        expect(await tab.$eval('h1.np-headline', (h) => h.textContent)).toBe(article.data.headline.join(''));
        const hrefs = await tab.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
        expect(hrefs).toContain(pagePath);
        if (i > 0) expect(await tab.getAttribute('a[rel=prev]', 'href')).toBe(articlePath(articles[i - 1]!.slug));
        if (i < articles.length - 1) expect(await tab.getAttribute('a[rel=next]', 'href')).toBe(articlePath(articles[i + 1]!.slug));
      }
      // Following the link back, once: every article view has the same link (checked above).
      const tab = await view(articlePath(articles.at(-1)!.slug), 1440);
      await tab.click(`.np-article-context a[href="${pagePath}"]`);
      await tab.waitForURL(`${server.origin}${pagePath}`);
      expect(await tab.$$eval('.np-block', (b) => b.length)).toBe(articles.length);
      await tab.close();
    });
  });
}
