import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentChecks, unpairedMark } from '../src/preflight/content-checks.ts';
import { unbreakableRun } from '../src/preflight/layout-checks.ts';
import { compareProblems, toJson } from '../src/preflight/problem.ts';
import { runPreflight } from '../src/preflight/run-preflight.ts';
import { viewOf } from '../src/preflight/view-check.ts';
import { contentDir, projectRoot, scratchDir } from './helpers/paths.ts';
import { PLANTED, plantIssue } from './helpers/preflight-site.ts';

/** The content checks, in process and without a browser: they read files and nothing else. */

describe('content checks', () => {
  it('find the planted content problems without a browser, against the right files', async () => {
    const root = path.join(scratchDir(), 'preflight-content');
    const dir = await plantIssue(path.join(root, 'content'));
    // A file the site cannot use is reported, not thrown: the other files are still checked.
    await writeFile(path.join(dir, 'p3-broken.md'), '---\npage: P3\norder: 2\n---\n\n正文。\n');
    const { problems } = await runPreflight({ root, contentDir: path.join(root, 'content'), date: PLANTED.date });
    const F = (name: string) => `content/${PLANTED.date}/${name}`;
    expect(problems.map((p) => `${p.kind} ${p.file}${p.line ? `:${p.line}` : ''}`).sort()).toEqual(
      [
        `missing-credits ${F('P1.yaml')}`,
        `missing-glyph ${F('p1-lead.md')}:4`,
        `figure-without-image ${F('p1-lead.md')}:9`,
        `suspected-typo ${F('p1-lead.md')}:17`,
        `missing-byline ${F('p1-quote.md')}:4`,
        `unpaired-mark ${F('p1-quote.md')}:7`,
        `duplicate-headline ${F('p1-again.md')}:4`,
        `invalid-content ${F('p3-broken.md')}:2`,
      ].sort(),
    );
    expect(problems.find((p) => p.kind === 'invalid-content')!.page).toBe(`${PLANTED.date}/P3`);
    expect(problems.find((p) => p.kind === 'invalid-content')!.message).toMatch(/^The build stops on this file: line 2, column 1: `headline` is missing.*Run `npm run build` for the full list\.$/);
    expect(problems.find((p) => p.kind === 'missing-glyph')!.message).toMatch(/“𠮷” \(U\+20BB7\) in the headline/);
  });

  it('find on the sample content only what is there: the figure without a photo and the doubled 人', async () => {
    const { problems } = await runPreflight({ root: projectRoot, contentDir });
    expect(problems.map((p) => [p.kind, p.file, p.line, p.article])).toEqual([
      ['figure-without-image', 'content/2023-07-02/A03-1.md', 14, '2023-07-02/A03/1'],
      ['suspected-typo', 'content/2023-07-02/A03-2.md', 34, '2023-07-02/A03/2'],
    ]);
  });

  it('pair quotation marks and brackets per field, allowing a quotation that runs over paragraphs', () => {
    expect(unpairedMark('他说：“好。')).toEqual({ mark: '“', open: true });
    expect(unpairedMark('（见附表')).toEqual({ mark: '（', open: true });
    expect(unpairedMark('好》')).toEqual({ mark: '》', open: false });
    expect(unpairedMark('“书记论坛”有“新”论')).toBeUndefined();
    const page = {
      file: 'content/2024-01-01/1.yaml', text: '', date: '2024-01-01',
      data: { date: '2024-01-01', number: '1', section: '要闻', front: false, credits: [{ role: '编辑', names: ['甲'] }] },
      articles: [{
        file: 'content/2024-01-01/a.md', text: '', slug: '1', isMdx: false, sections: [],
        data: { page: '1', order: 1, headline: ['标题'], byline: [{ role: '记者', names: ['乙'] }], figures: [], tags: [] },
        // GB/T 15834: each paragraph of a long quotation opens with “, only the last closes it.
        paragraphs: ['他说：“第一段。', '“第二段。', '“第三段。”', '又说：“未完。'],
      }],
    };
    const found = contentChecks([page as never]);
    expect(found.map((p) => [p.kind, p.target])).toEqual([['unpaired-mark', { block: 1, part: 'body', index: 3 }]]);
  });
});

describe('problems', () => {
  it('keep the JSON contract: its fields, in its order, nothing internal', () => {
    const json = toJson({ kind: 'overset', severity: 'error', file: 'a.md', page: '2024-01-01/1', message: 'M.', target: { block: 1 } });
    expect(Object.keys(json)).toEqual(['kind', 'severity', 'file', 'page', 'message']);
    const full = toJson({ kind: 'suspected-typo', severity: 'warning', file: 'a.md', page: 'p', article: 'p/1', line: 3, message: 'M.' });
    expect(Object.keys(full)).toEqual(['kind', 'severity', 'file', 'page', 'article', 'line', 'message']);
  });

  it('sort by page, errors first', () => {
    const p = (page: string, severity: 'error' | 'warning') => ({ kind: 'underset' as const, severity, file: 'f', page, message: '' });
    expect([p('2024-01-01/B1', 'warning'), p('2024-01-01/A2', 'warning'), p('2024-01-01/A2', 'error')].sort(compareProblems).map((x) => `${x.page} ${x.severity}`)).toEqual([
      '2024-01-01/A2 error', '2024-01-01/A2 warning', '2024-01-01/B1 warning',
    ]);
  });

  it('blame a stretched line on an unbreakable run only, never on Han text or a closing mark', () => {
    expect(unbreakableRun('善“2+1+N+X”网格')).toBe('2+1+N+X');
    expect(unbreakableRun('www.example.gov.cn查询')).toBe('www.example.gov.cn');
    expect(unbreakableRun('武”，选树首批市')).toBeUndefined();
    expect(unbreakableRun('午，济南市历下区')).toBeUndefined();
    expect(unbreakableRun('13个社区')).toBeUndefined();
  });

  it('tell page and article views from others, under the base path', () => {
    expect(viewOf('/paper/2024-05-20/P1/', '/paper/')).toEqual({ kind: 'page', date: '2024-05-20', page: 'P1' });
    expect(viewOf('/2023-07-02/A03/1/', '/')).toEqual({ kind: 'article', date: '2023-07-02', page: 'A03', slug: '1' });
    expect(viewOf('/paper/', '/paper/')).toEqual({ kind: 'other' });
    expect(viewOf('/2023-07-02/A03/', '/paper/')).toEqual({ kind: 'other' });
  });
});
