import { describe, expect, it } from 'vitest';
import { attr, byTag, findAll, hasClass, text, type El } from './helpers/html.ts';
import { EDITION_NAMES, edition } from './helpers/editions.ts';
import { EDITION_ISSUES, EDITION_PAGES } from './helpers/edition-generate.ts';
import { canonical, htmlFiles, links, meta, parseFile, urlOf, view } from './helpers/site-files.ts';

/**
 * The injected routes on the built editions, read from the real HTML: the home page as the
 * latest issue's front, issue fronts with 版面导航 and 标题导航, the compact navigation of page
 * and article views, the archive calendars, the 404 page, and the metadata every view carries.
 * The generated edition (four issues from 29 December 2023 to 2 January 2024, then 15 January
 * and 8 March 2024, base `/paper/`) checks neighbours across a month and a year end.
 */
const ed = () => edition('edition');
const issueDates = [...EDITION_ISSUES, '2024-01-15', '2024-03-08'];
const hrefs = (root: El) => links(root).map((a) => attr(a, 'href'));
const byClass = (root: El, name: string) => findAll(root, hasClass(name));

describe('the issue front, /<date>/', () => {
  it('shows the masthead and the date, and every page with its number, section and linked headlines', () => {
    const doc = view(ed(), '/paper/2024-01-01/');
    const h1 = text(findAll(doc, byTag('h1'))[0]!);
    expect(h1).toContain('测试晚报');
    expect(h1).toContain('2024年1月1日 星期一');
    const pages = byClass(doc, 'np-front-page');
    expect(pages.map((p) => text(findAll(p, byTag('h3'))[0]!).replace(/\s+/g, ''))).toEqual(EDITION_PAGES.map((p) => `第${p.number}版${p.section}`));
    for (const [i, page] of EDITION_PAGES.entries()) {
      const pageLinks = hrefs(pages[i]!);
      expect(pageLinks[0]).toBe(`/paper/2024-01-01/${page.number}/`);
      // 标题导航: every article of the page, each a link to its article view.
      const headlines = pageLinks.slice(1);
      expect(headlines).toHaveLength(page.articles);
      for (const href of headlines) expect(href).toMatch(new RegExp(`^/paper/2024-01-01/${page.number}/[^/]+/$`));
      const list = findAll(pages[i]!, byTag('ul'))[0]!;
      expect(attr(list, 'aria-label')).toBe(`第${page.number}版标题导航`);
    }
  });

  it('links the previous and next issue, across the month and year end and the missing 31 December', () => {
    const pager = (date: string) => {
      const nav = byClass(view(ed(), `/paper/${date}/`), 'np-issue-pager')[0];
      return Object.fromEntries(links(nav!).map((a) => [attr(a, 'rel'), attr(a, 'href')]));
    };
    expect(pager('2023-12-29')).toEqual({ next: '/paper/2023-12-30/' });
    expect(pager('2023-12-30')).toEqual({ prev: '/paper/2023-12-29/', next: '/paper/2024-01-01/' });
    expect(pager('2024-01-01')).toEqual({ prev: '/paper/2023-12-30/', next: '/paper/2024-01-02/' });
    expect(pager('2024-03-08')).toEqual({ prev: '/paper/2024-01-15/' });
  });
});

describe('the home page, /', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: shows the latest issue's front, with that issue's URL as canonical`, () => {
      const built = edition(name);
      const files = htmlFiles(built.outDir).filter((f) => /^\d{4}-\d{2}-\d{2}\/index\.html$/.test(f)).sort();
      const latest = files.at(-1)!.slice(0, 10);
      const home = view(built, built.base);
      const issue = view(built, `${built.base}${latest}/`);
      expect(canonical(home)).toEqual([new URL(`${built.base}${latest}/`, built.site).href]);
      expect(canonical(issue)).toEqual(canonical(home));
      expect(text(byClass(home, 'np-front')[0]!)).toBe(text(byClass(issue, 'np-front')[0]!));
    });
  }
});

describe('page and article views: the compact 版面导航', () => {
  const nav = (doc: El) => byClass(doc, 'np-edition-nav')[0]!;
  const tabs = (doc: El) => links(findAll(nav(doc), hasClass('np-edition-nav-pages'))[0]!);
  const steps = (doc: El) => Object.fromEntries(links(findAll(nav(doc), hasClass('np-edition-nav-steps'))[0]!).map((a) => [text(a).slice(0, 3), attr(a, 'href')]));

  it('page view: every page of the issue, the current one aria-current="page"; previous and next page and issue', () => {
    const doc = view(ed(), '/paper/2024-01-01/A02/');
    expect(tabs(doc).map((a) => attr(a, 'href'))).toEqual(EDITION_PAGES.map((p) => `/paper/2024-01-01/${p.number}/`));
    expect(tabs(doc).map((a) => attr(a, 'aria-current'))).toEqual([undefined, 'page', undefined]);
    expect(steps(doc)).toEqual({
      上一版: '/paper/2024-01-01/A01/',
      下一版: '/paper/2024-01-01/A03/',
      上一期: '/paper/2023-12-30/',
      下一期: '/paper/2024-01-02/',
    });
  });

  it('article view: the article\'s page marked aria-current="true", page and issue steps, and the page\'s other articles', () => {
    const front = view(ed(), '/paper/2024-01-02/A01/');
    const articles = findAll(front, (el) => el.tagName === 'a' && /\/A01\/[^/]+\/$/.test(attr(el, 'href') ?? '')).map((a) => attr(a, 'href')!);
    expect(new Set(articles).size).toBe(3);
    const [first, ...others] = [...new Set(articles)];
    const doc = view(ed(), first!);
    expect(tabs(doc).map((a) => attr(a, 'aria-current'))).toEqual(['true', undefined, undefined]);
    expect(steps(doc)).toEqual({ 下一版: '/paper/2024-01-02/A02/', 上一期: '/paper/2024-01-01/', 下一期: '/paper/2024-01-15/' });
    // The article pager keeps rel=prev/next for articles; the page steps carry none here.
    expect(links(nav(doc)).every((a) => attr(a, 'rel') === undefined)).toBe(true);
    const list = byClass(doc, 'np-page-articles')[0]!;
    expect(text(findAll(list, byTag('h2'))[0]!)).toBe('本版其他文章');
    expect(hrefs(list)).toEqual(others);
  });
});

describe('the archive', () => {
  it('/archive/ groups the years, newest first, each with its months and issue counts', () => {
    const doc = view(ed(), '/paper/archive/');
    const years = byClass(doc, 'np-archive-year');
    expect(years.map((y) => text(findAll(y, byTag('h2'))[0]!))).toEqual(['2024年4期', '2023年2期']);
    expect(hrefs(years[0]!)).toEqual(['/paper/archive/2024/', '/paper/archive/2024/#m1', '/paper/archive/2024/#m3']);
    expect(findAll(years[0]!, (el) => el.tagName === 'a' && attr(el, 'aria-label') === '2024年1月，3期')).toHaveLength(1);
  });

  it('a year page is a calendar per month: every date with an issue a link, labelled for screen readers', () => {
    const built = ed();
    for (const year of ['2023', '2024']) {
      const doc = view(built, `/paper/archive/${year}/`);
      const days = findAll(doc, (el) => el.tagName === 'a' && /^\/paper\/\d{4}-\d{2}-\d{2}\/$/.test(attr(el, 'href') ?? ''));
      const expected = issueDates.filter((d) => d.startsWith(year));
      expect(days.map((a) => attr(a, 'href'))).toEqual(expected.map((d) => `/paper/${d}/`));
      for (const [i, a] of days.entries()) {
        const [y, m, d] = expected[i]!.split('-').map(Number);
        const pages = htmlFiles(built.outDir).filter((f) => new RegExp(`^${expected[i]}/[^/]+/index\\.html$`).test(f)).length;
        expect(attr(a, 'aria-label')).toBe(`${y}年${m}月${d}日，${pages}个版面`);
        expect(text(a)).toBe(String(d));
      }
      // Monday-first weeks of seven cells; a table with column heads.
      for (const table of byClass(doc, 'np-calendar')) {
        expect(findAll(table, byTag('th')).map(text)).toEqual(['一', '二', '三', '四', '五', '六', '日']);
        for (const row of findAll(table, byTag('tr')).slice(1)) expect(findAll(row, byTag('td'))).toHaveLength(7);
      }
    }
    // 1 January 2024 was a Monday: the first cell of January's first week.
    const jan = findAll(view(built, '/paper/archive/2024/'), (el) => attr(el, 'id') === 'm1')[0]!;
    expect(text(findAll(findAll(jan, byTag('tbody'))[0]!, byTag('td'))[0]!)).toBe('1');
  });

  it('the sample: one year, one month, its one issue labelled with its page count', () => {
    const doc = view(edition('sample'), '/archive/2023/');
    const day = findAll(doc, (el) => el.tagName === 'a' && attr(el, 'href') === '/2023-07-02/')[0]!;
    expect(attr(day, 'aria-label')).toBe('2023年7月2日，1个版面');
  });
});

describe('the 404 page', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: in the site's style, linking the latest issue and the archive under the base path`, () => {
      const built = edition(name);
      const doc = view(built, `${built.base}404.html`);
      expect(text(findAll(doc, byTag('h1'))[0]!)).toBe('找不到这个页面');
      const all = hrefs(doc);
      expect(all).toContain(`${built.base}archive/`);
      expect(all.some((h) => /\/\d{4}-\d{2}-\d{2}\/$/.test(h ?? '') && h!.startsWith(built.base))).toBe(true);
      expect(findAll(doc, (el) => el.tagName === 'link' && attr(el, 'rel') === 'stylesheet').length).toBeGreaterThan(0);
    });
  }
});

describe('metadata on every view', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: a meta description, a canonical URL (not on 404) and an og:image on every HTML page`, () => {
      const built = edition(name);
      const files = htmlFiles(built.outDir);
      expect(files.length).toBeGreaterThan(5);
      for (const file of files) {
        const doc = parseFile(built, file);
        const description = meta(doc, 'description');
        expect(description, file).toHaveLength(1);
        expect(description[0]!.length, file).toBeGreaterThan(5);
        const image = meta(doc, 'og:image');
        expect(image, file).toHaveLength(1);
        expect(image[0]!.startsWith(new URL(built.base, built.site).href), file).toBe(true);
        if (file === '404.html') expect(canonical(doc)).toEqual([]);
        else if (file !== 'index.html') expect(canonical(doc), file).toEqual([new URL(urlOf(built, file), built.site).href]);
      }
    });
  }

  it('an issue front shares its front page\'s card, which shows the masthead, date and that page\'s headlines', () => {
    const doc = view(ed(), '/paper/2024-01-01/');
    expect(meta(doc, 'og:image')).toEqual(['https://fixture.example.org/paper/2024-01-01/A01/card.png']);
    expect(meta(doc, 'og:title')).toEqual(['测试晚报 2024年1月1日']);
    expect(meta(doc, 'og:description')[0]).toContain('元旦时节');
  });
});
