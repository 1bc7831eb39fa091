import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArticleView, planBundles } from '../src/search/bundles.ts';
import { exactQuery, HEADLINE_WINDOW, headlineFirst, queryParts, verbatimResults } from '../src/search/rank.ts';
import { runs } from './helpers/property.ts';

/**
 * The split search index in process: which bundle each article view goes in
 * (src/search/bundles.ts) and the order of results merged across bundles (src/search/rank.ts).
 * search.test.ts checks the same in Chromium on a built site.
 */

const view = (date: string, page = 'A01', article = '1') => `${date}/${page}/${article}/index.html`;

describe('bundles', () => {
  it('one bundle a month, newest first, each with the glob of its month', () => {
    const views = [view('2024-03-08'), view('2022-05-01'), view('2023-12-30'), view('2024-01-01', 'A02', 'x'), view('2023-12-01'), view('2024-01-02')];
    const plan = planBundles(views);
    expect(plan.map((b) => b.key)).toEqual(['2024-03', '2024-01', '2023-12', '2022-05']);
    expect(plan.find((b) => b.key === '2024-01')!.views).toEqual([view('2024-01-01', 'A02', 'x'), view('2024-01-02')]);
    expect(plan.find((b) => b.key === '2023-12')!.views).toEqual([view('2023-12-01'), view('2023-12-30')]);
    expect(plan.map((b) => b.glob)).toEqual(['2024-03-*/*/*/index.html', '2024-01-*/*/*/index.html', '2023-12-*/*/*/index.html', '2022-05-*/*/*/index.html']);
  });

  it('what is not an article view is left out', () => {
    const plan = planBundles([view('2023-07-02'), view('2023-07-03'), '2023-07-02/A03/index.html', 'archive/2023/x/index.html', '2023-07-02/index.html']);
    expect(plan).toEqual([{ key: '2023-07', glob: '2023-07-*/*/*/index.html', views: [view('2023-07-02'), view('2023-07-03')] }]);
    expect(isArticleView('2023-07-02/A03/index.html')).toBe(false);
    expect(isArticleView('2023-07-02/A03/long-slug/index.html')).toBe(true);
    expect(isArticleView('x/2023-07-02/A03/1/index.html')).toBe(false);
    expect(isArticleView('2023-07-02/A03/1/index.html.tmp')).toBe(false);
    expect(planBundles([])).toEqual([]);
  });

  it('every view is in exactly one bundle, and its glob matches the bundle it is in', () => {
    const date = fc.record({ y: fc.integer({ min: 2015, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.uniqueArray(date, { minLength: 1, maxLength: 40, selector: (x) => `${x.y}${x.m}${x.d}` }), (dates) => {
        const views = dates.map((x) => view(`${x.y}-${pad(x.m)}-${pad(x.d)}`));
        const plan = planBundles(views);
        expect(plan.flatMap((b) => b.views).sort()).toEqual([...views].sort());
        for (const b of plan) for (const v of b.views) expect(v.startsWith(`${b.key}-`)).toBe(true);
        expect(new Set(plan.map((b) => b.key)).size).toBe(new Set(views.map((v) => v.slice(0, 7))).size);
        expect(plan.map((b) => b.key)).toEqual([...plan.map((b) => b.key)].sort().reverse());
      }),
      runs(200, 11),
    );
  });
});

describe('merging results across bundles', () => {
  const r = (id: string) => ({ id });

  it('keeps the articles in every exact search, in the plain search order, then exact ones it missed', () => {
    const plain = [r('a'), r('b'), r('c'), r('d')];
    const got = verbatimResults(plain, [[r('d'), r('b'), r('e')], [r('b'), r('e'), r('d'), r('f')]]);
    expect(got).toEqual({ results: [r('b'), r('d'), r('e')], verbatim: true });
  });

  it('with no verbatim article shows the plain search, and says so; a query of no parts keeps it all', () => {
    expect(verbatimResults([r('a'), r('b')], [[r('c')], [r('a')]])).toEqual({ results: [r('a'), r('b')], verbatim: false });
    expect(verbatimResults([r('a')], [])).toEqual({ results: [r('a')], verbatim: true });
    // An article the plain search missed is added once, however often the exact search lists it.
    expect(verbatimResults([r('a')], [[r('b'), r('b'), r('a')]]).results).toEqual([r('a'), r('b')]);
  });

  it('puts headline matches first within the window, in their order, and leaves the rest in place', () => {
    const results = ['a', 'b', 'c', 'd', 'e'];
    const headlines = ['全市社区网格化服务管理', '网格员走访万户', '春季义诊', '新网格员上岗 社区', '网格员'];
    expect(headlineFirst(results, headlines, ['网格员'])).toEqual(['b', 'd', 'e', 'a', 'c']);
    expect(headlineFirst(results, headlines, ['网格员', '社区'])).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(headlineFirst(results, headlines, ['网格员'], 3)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(headlineFirst(results, headlines, [])).toEqual(results);
    // A result whose headline is not known (not loaded) is no headline match.
    expect(headlineFirst(results, ['春季义诊', '网格员'], ['网格员'])).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(headlineFirst(['a', 'b'], ['x'], ['e'])).toEqual(['a', 'b']);
    expect(headlineFirst(['x', 'y'], ['3D打印', '打印'], ['3d打印'])).toEqual(['x', 'y']);
    expect(headlineFirst(['y', 'x'], ['打印', '3D打印'], ['3d打印'])).toEqual(['x', 'y']);
    expect(HEADLINE_WINDOW).toBeGreaterThanOrEqual(10);
  });

  it('splits a query at spaces, full-width ones too, and quotes each part for exact search', () => {
    expect(queryParts(' 网格员\u3000社区  书记 ')).toEqual(['网格员', '社区', '书记']);
    expect(queryParts('  ')).toEqual([]);
    expect(exactQuery('网格员')).toBe('"网格员"');
    expect(exactQuery('a"b')).toBe('"ab"');
  });
});
