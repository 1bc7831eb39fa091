import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { edition, type BuiltEdition } from './helpers/editions.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { attr, findAll, text } from './helpers/html.ts';
import { htmlFiles, parseFile, urlOf, view } from './helpers/site-files.ts';
import { ISSUE_WORDS } from './helpers/edition-generate.ts';
import { HOSTILE, payload } from './helpers/hostile-page.ts';

/**
 * Search as a reader uses it: the built `/search/` page in Chromium, served as static files,
 * running Pagefind's bundle from the build. The sample's four queries of the issue, the
 * result's headline, date and 第X版, the keyboard path from the query box to a result, the
 * filters (year, month, page, section) and the base path on the generated edition.
 */

interface Shown {
  href: string;
  title: string;
  meta: string;
}

/** The number of results the page announced (`找到N篇文章…`). */
async function announced(tab: Page): Promise<number> {
  const status = (await tab.textContent('.np-search-status')) ?? '';
  return status.startsWith('没有找到') ? 0 : Number(/找到(\d+)篇/.exec(status)?.[1]);
}

async function search(tab: Page, origin: string, built: BuiltEdition, query: string, filters: Record<string, string> = {}): Promise<Shown[]> {
  const params = new URLSearchParams({ q: query, ...filters });
  await tab.goto(`${origin}${built.base}search/?${params}`);
  await tab.waitForFunction(() => /找到|没有找到/.test(document.querySelector('.np-search-status')?.textContent ?? ''));
  return tab.$$eval('.np-search-result', (items) =>
    items.map((li) => ({
      href: li.querySelector('h2 a')!.getAttribute('href')!,
      title: li.querySelector('h2')!.textContent!,
      meta: li.querySelector('.np-search-result-meta')!.textContent!,
    })),
  );
}

/** The sample's two article URLs, in reading order, from its issue front. */
function sampleArticles(): string[] {
  const front = view(edition('sample'), '/2023-07-02/');
  return [...new Set(findAll(front, (el) => el.tagName === 'a' && /^\/2023-07-02\/A03\/[^/]+\/$/.test(attr(el, 'href') ?? '')).map((a) => attr(a, 'href')!))];
}

let session: Session;
const servers: Record<string, StaticServer> = {};
beforeAll(async () => {
  session = await launch();
  servers.sample = await serveStatic(edition('sample').outDir, '/');
  servers.edition = await serveStatic(edition('edition').outDir, '/paper/');
});
afterAll(async () => {
  await session?.close();
  for (const s of Object.values(servers)) await s.close();
});

describe('search on the sample', () => {
  it('网格员 finds the first article; 3D打印 finds the second', async () => {
    const [first, second] = sampleArticles();
    const tab = await session.context.newPage();
    expect((await search(tab, servers.sample!.origin, edition('sample'), '网格员')).map((r) => r.href)).toContain(first);
    expect((await search(tab, servers.sample!.origin, edition('sample'), '3D打印')).map((r) => r.href)).toContain(second);
    await tab.close();
  });

  it('书记论坛 ranks the first article first; 残疾人 finds the second and ranks it above the first', async () => {
    const [first, second] = sampleArticles();
    const tab = await session.context.newPage();
    expect((await search(tab, servers.sample!.origin, edition('sample'), '书记论坛'))[0]?.href).toBe(first);
    const hits = (await search(tab, servers.sample!.origin, edition('sample'), '残疾人')).map((r) => r.href);
    expect(hits[0]).toBe(second);
    if (hits.includes(first!)) expect(hits.indexOf(second!)).toBeLessThan(hits.indexOf(first!));
    await tab.close();
  });

  it('a result shows the headline, the date and 第X版, and the count is announced', async () => {
    const tab = await session.context.newPage();
    const [hit] = await search(tab, servers.sample!.origin, edition('sample'), '3D打印');
    expect(hit!.title).toBe('山东省代表团团体总分238分获第一');
    expect(hit!.meta).toBe('2023年7月2日 · 第A03版');
    expect(await tab.getAttribute('.np-search-status', 'role')).toBe('status');
    expect(await tab.textContent('.np-search-status')).toBe('找到1篇文章，与“3D打印”相关。');
    expect(session.offsite).toEqual([]);
    await tab.close();
  });

  it('works from the keyboard: Tab to the labelled box, type, Enter, Tab on to the result', async () => {
    const tab = await session.context.newPage();
    await tab.goto(`${servers.sample!.origin}/search/`);
    await tab.waitForFunction(() => !document.querySelector<HTMLFieldSetElement>('.np-search-filters')!.disabled);
    for (let i = 0; i < 15 && (await tab.evaluate(() => document.activeElement?.id)) !== 'np-search-q'; i++) await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('np-search-q');
    expect(await tab.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('检索词');
    await tab.keyboard.type('书记论坛');
    await tab.keyboard.press('Enter');
    await tab.waitForSelector('.np-search-result');
    expect(tab.url()).toContain(`q=${encodeURIComponent('书记论坛')}`);
    let reached = '';
    for (let i = 0; i < 12 && !reached; i++) {
      await tab.keyboard.press('Tab');
      reached = await tab.evaluate(() => (document.activeElement?.closest('.np-search-result') ? document.activeElement.getAttribute('href') ?? '' : ''));
    }
    expect(reached).toBe(sampleArticles()[0]);
    await tab.keyboard.press('Enter');
    await tab.waitForURL(`**${sampleArticles()[0]}`);
    await tab.close();
  });
});

/**
 * The article views of an edition whose indexed text (the `data-pagefind-body` element, read
 * with parse5, not through Pagefind) contains `word`, and those whose headline does.
 */
function containing(built: BuiltEdition, word: string): { body: string[]; headline: string[] } {
  const body: string[] = [];
  const headline: string[] = [];
  for (const file of htmlFiles(built.outDir).filter((f) => /^\d{4}-\d{2}-\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(f))) {
    const doc = parseFile(built, file);
    const [indexed] = findAll(doc, (el) => attr(el, 'data-pagefind-body') !== undefined);
    const [title] = findAll(doc, (el) => attr(el, 'data-pagefind-meta') === 'title');
    if (indexed && text(indexed).includes(word)) body.push(urlOf(built, file));
    if (title && text(title).includes(word)) headline.push(urlOf(built, file));
  }
  return { body, headline };
}

describe('search on the generated edition (base /paper/)', () => {
  const built = () => edition('edition');

  it('is split into bundles, and finds exactly the articles with the word, whatever bundle they are in, headline matches first', async () => {
    const bundles = JSON.parse(await readFile(path.join(built().outDir, 'pagefind/bundles.json'), 'utf8')) as { path: string; pages: number }[];
    // The edition spans December 2023 and January and March 2024: a bundle a month.
    expect(bundles.map((b) => b.path)).toEqual(['2024-03', '2024-01', '2023-12']);
    const tab = await session.context.newPage();
    for (const word of ['网格员', '社区', '残疾人']) {
      const expected = containing(built(), word);
      expect(expected.headline.length, word).toBeGreaterThan(0);
      const hits = await search(tab, servers.edition!.origin, built(), word);
      expect(await announced(tab), word).toBe(expected.body.length);
      // Ten are shown at first: the articles with the word in the headline lead them.
      const lead = Math.min(expected.headline.length, hits.length);
      for (const hit of hits.slice(0, lead)) expect(expected.headline, word).toContain(hit.href);
      for (const hit of hits) expect(expected.body, word).toContain(hit.href);
    }
    // A word no article has whole: Pagefind's nearest results, and the page says so.
    const near = await search(tab, servers.edition!.origin, built(), '网格书记');
    expect(containing(built(), '网格书记').body).toEqual([]);
    expect(near.length).toBeGreaterThan(0);
    expect(await tab.textContent('.np-search-status')).toMatch(/^没有文章含有“网格书记”的全部字词；找到\d+篇相近的文章。$/);
    await tab.close();
  });

  it('results link under the base path, and a headline word ranks the article with it in the headline first', async () => {
    const tab = await session.context.newPage();
    const hits = await search(tab, servers.edition!.origin, built(), '网格员');
    expect(hits.length).toBeGreaterThan(3);
    for (const hit of hits) expect(hit.href).toMatch(/^\/paper\/\d{4}-\d{2}-\d{2}\/[^/]+\/[^/]+\/$/);
    expect(hits[0]!.title).toContain('网格员');
    const holiday = await search(tab, servers.edition!.origin, built(), ISSUE_WORDS['2024-01-01']);
    expect(holiday[0]!.href.startsWith('/paper/2024-01-01/A01/')).toBe(true);
    await tab.close();
  });

  it('filters by year, month, page and section, each offered with its count', async () => {
    const tab = await session.context.newPage();
    await search(tab, servers.edition!.origin, built(), '网格员');
    const all = await announced(tab);
    const options = await tab.$$eval('select', (selects) => Object.fromEntries(selects.map((s) => [s.name, [...s.options].map((o) => o.value)])));
    expect(options.year).toEqual(['', '2024', '2023']);
    expect(options.month).toEqual(['', '2024-03', '2024-01', '2023-12']);
    expect(options.page).toEqual(expect.arrayContaining(['A01', 'A02', 'A03', 'B02', '1']));
    expect(options.section).toEqual(expect.arrayContaining(['要闻', '城市', '体育']));
    const year = await search(tab, servers.edition!.origin, built(), '网格员', { year: '2023' });
    expect(year.length).toBeGreaterThan(0);
    expect(await announced(tab)).toBeLessThan(all);
    for (const hit of year) expect(hit.meta).toMatch(/^2023年12月/);
    const month = await search(tab, servers.edition!.origin, built(), '网格员', { month: '2024-01' });
    for (const hit of month) expect(hit.meta).toMatch(/^2024年1月/);
    const page = await search(tab, servers.edition!.origin, built(), '网格员', { page: 'A02' });
    for (const hit of page) expect(hit.meta).toMatch(/第A02版$/);
    const section = await search(tab, servers.edition!.origin, built(), '', { section: '体育' });
    expect(await announced(tab)).toBe(8);
    for (const hit of section) expect(hit.href).toMatch(/\/A03\//);
    await tab.close();
  });

  it('hostile content (hostile-page.ts) is text in the index: the result shows the headline whole, the section filter offers the section whole, nothing runs', async () => {
    const tab = await session.context.newPage();
    const ran: string[] = [];
    tab.on('dialog', (dialog) => void dialog.dismiss());
    const article = `${built().base}${HOSTILE.date}/${HOSTILE.page}/${HOSTILE.slug}/`;
    for (const url of [article, `${built().base}${HOSTILE.date}/${HOSTILE.page}/`, `${built().base}${HOSTILE.date}/`, built().base]) {
      await tab.goto(`${servers.edition!.origin}${url}`);
      if (await tab.evaluate(() => 'npPwned' in window || '__npPwned' in window)) ran.push(url);
    }
    const hits = await search(tab, servers.edition!.origin, built(), HOSTILE.word);
    expect(hits.map((h) => h.href)).toEqual([article]);
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(hits[0]!.title)).toBe(squash(`${payload('headline')}${payload('headline-2')}`));
    // Pagefind reads `key:value, key:value` in one attribute: the section's comma must not split it.
    const sections = await tab.$$eval('select[name=section] option', (options) => (options as HTMLOptionElement[]).map((o) => o.value));
    expect(sections).toContain(payload('section'));
    expect(await tab.$$eval('.np-search-results *', (all) => all.filter((el) => !['LI', 'H2', 'A', 'P', 'TIME', 'MARK'].includes(el.tagName)).map((el) => el.tagName))).toEqual([]);
    if (await tab.evaluate(() => '__npPwned' in window)) ran.push('search');
    expect(ran).toEqual([]);
    await tab.close();
  });
});
