import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, byTag, findAll, hasClass, loadPage, text } from './helpers/html.ts';
import { readArticle, readPage } from './helpers/content-files.ts';
import { builtSiteDir } from './helpers/paths.ts';

/** The sample site as `astro build` wrote it (built once by global-setup.ts). */
const a1 = readArticle('2023-07-02/A03-1.md');
const a2 = readArticle('2023-07-02/A03-2.md');
const page = readPage('2023-07-02/A03.yaml');

describe('the built sample site', () => {
  it('has the home, issue, page and article views at stable, readable URLs', () => {
    for (const url of ['/', '/2023-07-02/', '/2023-07-02/A03/', '/2023-07-02/A03/1/', '/2023-07-02/A03/2/']) {
      expect(existsSync(path.join(builtSiteDir(), url, 'index.html')), url).toBe(true);
    }
  });

  it('ships its fonts from the site itself, as WOFF2 only', () => {
    const assets = readdirSync(path.join(builtSiteDir(), '_astro'));
    const fonts = assets.filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.endsWith('.woff2'))).toEqual([]);
    const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(path.join(builtSiteDir(), '_astro', f), 'utf8')).join('');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(100);
    // Vite inlines the smallest chunks as data URLs; every other one is a file of the site.
    for (const url of urls) expect(url.slice(0, 80)).toMatch(/^(\/_astro\/[^/]+\.woff2|data:font\/woff2;base64,)/);
  });

  it('labels every view of the sample edition as sample content (sample: true), and gives page A03 a page header, not the masthead', () => {
    for (const url of ['/', '/2023-07-02/', '/2023-07-02/A03/', '/2023-07-02/A03/1/', '/2023-07-02/A03/2/']) {
      const notices = findAll(loadPage(url), hasClass('np-sample-notice'));
      expect(notices.map(text), url).toEqual(['示例内容：报名与版次为示例值。']);
    }
    const doc = loadPage('/2023-07-02/A03/');
    expect(findAll(doc, hasClass('np-masthead'))).toHaveLength(0);
    expect(text(findAll(doc, hasClass('np-folio-number'))[0]!)).toBe('A03');
    expect(text(findAll(doc, hasClass('np-folio-paper'))[0]!)).toBe('泉城示例日报');
  });

  it('declares Simplified Chinese on every page', () => {
    for (const url of ['/', '/2023-07-02/', '/2023-07-02/A03/', '/2023-07-02/A03/1/']) {
      const html = findAll(loadPage(url), byTag('html'))[0]!;
      expect(attr(html, 'lang'), url).toBe('zh-Hans');
    }
  });

  it('links the issue view to the page, both articles and the list of all issues', () => {
    const hrefs = findAll(loadPage('/2023-07-02/'), byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/', '/2023-07-02/A03/', '/2023-07-02/A03/1/', '/2023-07-02/A03/2/']));
  });

  for (const [slug, article] of [['1', a1], ['2', a2]] as const) {
    describe(`article ${slug}`, () => {
      const doc = loadPage(`/2023-07-02/A03/${slug}/`);

      it('shows the whole headline stack, the headline as the one h1', () => {
        const h1s = findAll(doc, byTag('h1'));
        expect(h1s).toHaveLength(1);
        expect(text(h1s[0]!)).toBe(article.data.headline.join('\n'));
        const kicker = findAll(doc, hasClass('np-kicker'))[0];
        expect(kicker && text(kicker)).toBe(article.data.kicker);
        const deck = findAll(doc, hasClass('np-deck'))[0];
        expect(deck && text(deck)).toBe(article.data.deck);
      });

      it('shows the byline, the lead, every section head and every paragraph in order', () => {
        const byline = text(findAll(doc, hasClass('np-byline'))[0]!);
        for (const entry of article.data.byline) {
          expect(byline).toContain(`${entry.mark ? `${entry.mark} ` : ''}${entry.role} ${entry.names.join(' ')}`);
        }
        expect(text(findAll(doc, hasClass('np-lead'))[0]!)).toBe(article.data.lead);
        const body = findAll(doc, hasClass('np-article-body'))[0]!;
        expect(findAll(body, hasClass('np-section-head')).map(text)).toEqual(article.sections.map((s) => s.heading));
        expect(findAll(body, byTag('p')).map(text)).toEqual(article.sections.flatMap((s) => s.paragraphs));
      });

      it('shows the figure captions and the page credits', () => {
        expect(findAll(doc, byTag('figcaption')).map(text)).toEqual(article.data.figures.map((f) => f.caption));
        const credits = text(findAll(doc, hasClass('np-credit-line'))[0]!);
        for (const credit of page.credits) expect(credits).toContain(`${credit.role}：${credit.names.join(' ')}`);
      });

      it('links back to its page', () => {
        expect(findAll(doc, byTag('a')).map((a) => attr(a, 'href'))).toContain('/2023-07-02/A03/');
      });
    });
  }
});
