import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './helpers/browser.ts';
import { startDev, type DevServer } from './helpers/dev-server.ts';
import { builtSiteDir, contentDir, projectRoot } from './helpers/paths.ts';
import { serveStatic } from './helpers/static-server.ts';
import { openLayoutBrowser } from '../src/preflight/layout-browser.ts';
import { runPreflight } from '../src/preflight/run-preflight.ts';
import { formatReport } from '../src/preflight/report.ts';
import { parseCliOptions } from '../src/preflight/cli-options.ts';
import { PLANTED, plantIssue } from './helpers/preflight-site.ts';
import { scratchSite } from './helpers/scratch-site.ts';
import { runScript } from './helpers/run-script.ts';
import { artifactsDir } from './helpers/page-suite.ts';

/**
 * The pre-press check end to end: `npm run preflight` on a scratch issue with one of each
 * problem planted (layout measured in Chromium on the real `astro dev`), on the built sample
 * page, and the dev toolbar app on the same dev server, in Chromium.
 */

interface JsonProblem { kind: string; severity: string; file: string; page: string; article?: string; line?: number; message: string }

const preflight = (args: string[]) => runScript('preflight.ts', args, projectRoot, { NO_COLOR: '1' });

const F = (name: string) => `content/${PLANTED.date}/${name}`;

/** Every planted problem: kind, page, file (and line where one line is to blame). */
const EXPECTED: [string, string, string, number?][] = [
  ['missing-credits', 'P1', F('P1.yaml')],
  ['missing-glyph', 'P1', F('p1-lead.md'), 4],
  ['figure-without-image', 'P1', F('p1-lead.md'), 9],
  ['suspected-typo', 'P1', F('p1-lead.md'), 17],
  ['unlevel-columns', 'P1', F('p1-lead.md')],
  ['headline-too-long', 'P1', F('p1-narrow.md'), 4],
  ['missing-byline', 'P1', F('p1-quote.md'), 4],
  ['unpaired-mark', 'P1', F('p1-quote.md'), 7],
  ['duplicate-headline', 'P1', F('p1-again.md'), 4],
  ['overset', 'P2', F('p2-long.md')],
  ['stretched-line', 'P2', F('p2-long.md'), 10],
  ['underset', 'P3', F('P3.yaml')],
];
const key = (kind: string, page: string, file: string) => `${kind} ${PLANTED.date}/${page} ${file}`;

let site: string;
let dev: DevServer;
let session: Session;

beforeAll(async () => {
  site = await scratchSite('preflight-site');
  await plantIssue(path.join(site, 'content'));
  [dev, session] = await Promise.all([startDev(site, '/paper/'), launch()]);
}, 600_000);

afterAll(async () => {
  await session?.close();
  await dev?.stop();
});

describe('npm run preflight', () => {
  // On a busy 2-core machine a dev server's first compile alone can take a minute.
  it('finds each planted problem against the right file, line and page, and exits 1 on the overset page', { timeout: 400_000 }, async () => {
    const run = await preflight(['--root', site, '--url', dev.url, '--date', PLANTED.date, '--json']);
    expect(run.code, run.stderr).toBe(1);
    const { problems } = JSON.parse(run.stdout) as { problems: JsonProblem[] };
    expect(problems.map((p) => key(p.kind, p.page.split('/')[1]!, p.file)).sort()).toEqual(EXPECTED.map(([k, pg, f]) => key(k, pg, f)).sort());
    for (const [kind, page, file, line] of EXPECTED) {
      const found = problems.find((p) => p.kind === kind && p.file === file && p.page === `${PLANTED.date}/${page}`)!;
      if (line !== undefined) expect(found.line, kind).toBe(line);
      expect(Object.keys(found).every((k) => ['kind', 'severity', 'file', 'page', 'article', 'line', 'message'].includes(k))).toBe(true);
      expect(found.severity).toBe(kind === 'overset' ? 'error' : 'warning');
      // A message says what is wrong and the fix, in full sentences.
      expect(found.message).toMatch(/\.$/);
      if (file.endsWith('.md')) expect(found.article).toMatch(new RegExp(`^${PLANTED.date}/${page}/`));
    }
    const overset = problems.find((p) => p.kind === 'overset')!;
    expect(overset.message).toMatch(/is [2-4]\.\d\d× its A3 sheet.*Cut about [\d,]+ characters/);
    expect(problems.find((p) => p.kind === 'stretched-line')!.message).toMatch(/because “(?:https?:|www\.|12345|ABCDE)/);
  });

  it('reports on the sample page only what is really there, grouped by page, and finds no error', { timeout: 300_000 }, async () => {
    // In process, on the built sample: the same code as the command, without a second Node.
    const server = await serveStatic(builtSiteDir(), '/');
    const browser = await openLayoutBrowser();
    const { problems, pages } = await runPreflight({ root: projectRoot, contentDir, date: '2023-07-02', browser, pageUrl: (d, p) => `${server.origin}/${d}/${p}/` }).finally(async () => {
      await browser.close();
      await server.close();
    });
    // ANATOMY.md: figure 1 has no photo in the transcript; D13 is the doubled 人 of 残疾人人群体;
    // “2+1+N+X” and “1+N+X” cannot break in a 10-character column and leave a line with holes
    // (screenshots in the README). The page make-up fills its sheet, so it is not underset.
    expect(problems.map((p) => `${p.kind} ${p.file}${p.line ? `:${p.line}` : ''}`)).toEqual([
      'figure-without-image content/2023-07-02/A03-1.md:14',
      'stretched-line content/2023-07-02/A03-1.md:29',
      'stretched-line content/2023-07-02/A03-1.md:31',
      'suspected-typo content/2023-07-02/A03-2.md:34',
    ]);
    expect(problems.filter((p) => p.kind === 'stretched-line').map((p) => /because “(.+?)”/.exec(p.message)?.[1])).toEqual(['2+1+N+X', '1+N+X']);
    const report = formatReport(problems, pages.length);
    expect(report).toMatch(/^2023-07-02\/A03 {2}\(4 warnings\)\n {2}warning figure-without-image {2}content\/2023-07-02\/A03-1\.md:14\n/);
    expect(report).toMatch(/1 page checked: 4 warnings\.\n$/);
  });

  it('refuses bad options with the reason', () => {
    expect(parseCliOptions(['--date', '2023-02-30'], projectRoot)).toMatch(/not a real date/);
    expect(parseCliOptions(['--page', 'A03'], projectRoot)).toMatch(/--page needs --date/);
    expect(parseCliOptions(['--url', 'http://127.0.0.1:1/', '--dist', 'dist'], projectRoot)).toMatch(/not both/);
    expect(parseCliOptions(['--colour'], projectRoot)).toMatch(/Unknown option '--colour'/);
    expect(parseCliOptions(['--dist', 'dist', '--base', 'paper'], projectRoot)).toMatchObject({ dist: path.join(projectRoot, 'dist'), base: '/paper/', layout: true, json: false });
  });
});

describe('the dev toolbar app', () => {
  const app = (page: Page) => page.locator('astro-dev-toolbar #dev-bar [data-app-id="newsprint-preflight"]');
  const items = (page: Page) => page.locator('astro-dev-toolbar-app-canvas[data-app-id="newsprint-preflight"] button.problem');

  it('lists the page view’s problems with counts in its icon, outlines a block on a click, and refreshes when content changes', { timeout: 600_000 }, async () => {
    const page = await session.context.newPage();
    page.setDefaultTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${dev.url}${PLANTED.date}/P1/`);
    await expect.poll(() => app(page).getAttribute('data-np-counts'), { timeout: 240_000 }).toBe('0/9');
    await app(page).click();
    const kinds = await items(page).evaluateAll((list) => list.map((b) => b.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(EXPECTED.filter(([, pg]) => pg === 'P1').map(([k]) => k).sort());
    await items(page).filter({ hasText: 'headline-too-long' }).click();
    const outlined = page.locator('[data-np-preflight-outlined]');
    await expect.poll(() => outlined.count()).toBe(1);
    expect(await outlined.textContent()).toContain('全市首批二十四个城市更新试点片区');
    expect(await outlined.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // A content problem outlines its own article's block (here the headline of the page's
    // last article), and a block at the foot of the page is scrolled clear of the app's panel.
    await items(page).filter({ hasText: 'duplicate-headline' }).click();
    await expect.poll(() => outlined.count()).toBe(1);
    const clear = await outlined.evaluate((el) => {
      const blocks = Array.from(document.querySelectorAll('.np-block'));
      return { last: el.closest('.np-block') === blocks.at(-1), text: el.textContent, bottom: el.getBoundingClientRect().bottom };
    });
    const panel = await page.locator('astro-dev-toolbar-app-canvas[data-app-id="newsprint-preflight"] astro-dev-toolbar-window').boundingBox();
    expect(clear.last, 'outlines a block of the page’s last article').toBe(true);
    expect(clear.text).toBe('夜市开市');
    expect(panel!.y).toBeGreaterThan(0);
    expect(clear.bottom, 'the outlined headline above the panel').toBeLessThan(panel!.y);
    await items(page).filter({ hasText: 'headline-too-long' }).click();
    await mkdir(artifactsDir('preflight'), { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir('preflight'), 'toolbar.png') });

    // Fix the typo and the missing credit line: the list follows without a restart.
    const lead = path.join(site, 'content', PLANTED.date, 'p1-lead.md');
    await writeFile(lead, (await readFile(lead, 'utf8')).replace('居民的的意见', '居民的意见'));
    await writeFile(path.join(site, 'content', PLANTED.date, 'P1.yaml'), `date: ${PLANTED.date}\nnumber: P1\nsection: 社区\ncredits:\n  - role: 编辑\n    names: [陈静]\n`);
    await expect.poll(() => app(page).getAttribute('data-np-counts'), { timeout: 240_000 }).toBe('0/7');
    await page.close();
  });

  it('lists an article view’s own problems', { timeout: 300_000 }, async () => {
    const page = await session.context.newPage();
    page.setDefaultTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${dev.url}${PLANTED.date}/P2/long/`);
    await expect.poll(() => app(page).getAttribute('data-np-counts'), { timeout: 240_000 }).toBe('1/1');
    await app(page).click();
    expect(await items(page).evaluateAll((list) => list.map((b) => b.getAttribute('data-kind')))).toEqual(['overset', 'stretched-line']);
    expect(session.offsite).toEqual([]);
    await page.close();
  });

  it('adds nothing to built pages', async () => {
    const html = await readFile(path.join(builtSiteDir(), '2023-07-02/A03/index.html'), 'utf8');
    expect(html).not.toMatch(/preflight|dev-toolbar/);
    const assets = await readdir(path.join(builtSiteDir(), '_astro'));
    for (const file of assets.filter((f) => f.endsWith('.js'))) {
      expect(await readFile(path.join(builtSiteDir(), '_astro', file), 'utf8')).not.toContain('newsprint-preflight');
    }
  });
});
