/**
 * `npm run bench:preflight [-- --issues 365 --pages 8 --tabs 1,2,4 --measure 240 --modes dev,dist]`:
 * the pre-press check of a year of archive. Generates the issues (page transcripts made from
 * the sample's sentences, imported with the real importer) into a scratch site under
 * `.cache/bench-preflight/`, times the content checks of the whole archive (no browser), then
 * the layout checks as `npm run preflight` runs them, on the site's own dev server, once per
 * number of tabs in `--tabs`, over the first `--measure` pages (default all, 0 for none);
 * with `--modes dev,dist` also on the built site (`--dist`), after timing `astro build`. Prints seconds, pages per
 * second, where a page's time goes (load, fonts, measuring), and the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importTranscript, serializeImport, writeImport } from '../src/importer/index.ts';
import { openLayoutBrowser } from '../src/preflight/layout-browser.ts';
import { runPreflight } from '../src/preflight/run-preflight.ts';
import { startSite } from '../src/preflight/start-site.ts';
import { serveStatic } from '../src/serve/static-site.ts';
import { generatePage } from '../tests/helpers/importer-generate.ts';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '365' }, pages: { type: 'string', default: '8' }, tabs: { type: 'string', default: '2' }, measure: { type: 'string' }, modes: { type: 'string', default: 'dev' } } });
const ISSUES = Number(values.issues);
const PAGES = Number(values.pages);
const TABS = values.tabs.split(',').map(Number);
const MODES = new Set(values.modes.split(','));
const project = path.resolve(import.meta.dirname, '..');
const site = path.join(project, '.cache/bench-preflight');

rmSync(site, { recursive: true, force: true });
mkdirSync(path.join(site, 'src'), { recursive: true });
writeFileSync(path.join(site, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport newsprint from '../../src/index.ts';\nexport default defineConfig({ integrations: [newsprint({ paperName: '基准日报', site: 'https://bench.example.org' })] });\n`);
writeFileSync(path.join(site, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';\nimport { articlesLoader, pagesLoader } from '../../../src/loaders/index.ts';\nexport const collections = {\n  pages: defineCollection({ loader: pagesLoader({ base: './content' }) }),\n  articles: defineCollection({ loader: articlesLoader({ base: './content' }) }),\n};\n`);
let articles = 0;
let characters = 0;
for (let issue = 0; issue < ISSUES; issue++) {
  const date = new Date(Date.UTC(2024, 0, 1 + issue)).toISOString().slice(0, 10);
  for (let p = 0; p < PAGES; p++) {
    const { transcript } = generatePage(issue * PAGES + p + 1, { articles: 2 + ((issue + p) % 3) });
    const result = importTranscript(transcript, { date, page: `A${String(p + 1).padStart(2, '0')}`, section: '要闻' });
    articles += result.articles.length;
    characters += result.articles.reduce((n, a) => n + a.sections.reduce((m, sec) => m + sec.paragraphs.join('').length, 0), 0);
    writeImport(path.join(site, 'content', date), serializeImport(result), true);
  }
}
const pages = ISSUES * PAGES;
console.log(`Generated ${ISSUES} issues, ${pages} pages, ${articles} articles, ${Math.round(characters / pages)} body characters a page, in ${path.relative(project, site)}/.`);

const load = () => os.loadavg()[0]!.toFixed(1);
const contentStart = performance.now();
const content = await runPreflight({ root: site, contentDir: path.join(site, 'content') });
console.log(`Content checks of all ${pages} pages (--no-layout): ${((performance.now() - contentStart) / 1000).toFixed(1)} s, ${content.problems.length} problems; load ${load()}.`);

// The first `--measure` pages, issue by issue, as `--date` would take them.
const dates = [...new Set(content.pages.map((p) => p.date))];
const measureCount = Math.min(pages, Number(values.measure ?? pages));
const measureDates = dates.slice(0, Math.ceil(measureCount / PAGES));

async function check(label: string, url: string, tabs: number) {
  const browser = await openLayoutBrowser({ tabs });
  const start = performance.now();
  let measured = 0;
  let found = 0;
  try {
    for (const date of measureDates) {
      const { problems, pages: done } = await runPreflight({ root: site, contentDir: path.join(site, 'content'), date, browser, pageUrl: (d, p) => new URL(`${d}/${p}/`, url).href });
      measured += done.length;
      found += problems.length;
    }
  } finally {
    await browser.close();
  }
  const seconds = (performance.now() - start) / 1000;
  const t = browser.timings();
  const per = (ms: number) => `${(ms / t.pages / 1000).toFixed(2)} s`;
  console.log(
    `${label}, ${tabs} tab${tabs === 1 ? '' : 's'}: ${measured} pages in ${seconds.toFixed(0)} s = ${(seconds / measured).toFixed(2)} s a page ` +
      `(a year of ${pages} pages: ${((seconds / measured) * pages / 60).toFixed(0)} min); per page and tab: load ${per(t.load)}, fonts ${per(t.fonts)}, measuring ${per(t.measure)}; ${found} problems; load ${load()} on ${os.availableParallelism()} cores.`,
  );
}

if (MODES.has('dev') && measureCount > 0) {
  const devStart = performance.now();
  const dev = await startSite(site);
  console.log(`Dev server started in ${((performance.now() - devStart) / 1000).toFixed(0)} s; load ${load()}.`);
  // The dev server compiles the page route on its first request: warm it, as a second run would be.
  const warmStart = performance.now();
  await fetch(new URL(`${measureDates[0]}/A01/`, dev.url));
  console.log(`First page view rendered in ${((performance.now() - warmStart) / 1000).toFixed(0)} s.`);
  for (const tabs of TABS) await check('On the dev server (the default)', dev.url, tabs);
  await dev.stop();
}

if (MODES.has('dist') && measureCount > 0) {
  const buildStart = performance.now();
  const build = spawnSync(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', site], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('astro build failed');
  console.log(`astro build of ${pages} pages (cards included): ${((performance.now() - buildStart) / 1000).toFixed(0)} s; load ${load()}.`);
  const server = await serveStatic(path.join(site, 'dist'), '/');
  for (const tabs of TABS) await check('On the built site (--dist)', `${server.origin}/`, tabs);
  await server.close();
}
