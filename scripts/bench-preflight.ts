/**
 * `npm run bench:preflight [-- --issues 365 --pages 4 --build]`: the pre-press check of a year
 * of archive. Generates the issues (page transcripts made from the sample's sentences, imported
 * with the real importer) into a scratch site under `.cache/bench-preflight/`, then runs the
 * check as `npm run preflight` does: content checks, then every page measured in Chromium on
 * the site's own dev server; with `--build`, also on the built site (`--dist`), after timing
 * `astro build`. Prints seconds, pages per second and CPU seconds.
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

const { values } = parseArgs({ options: { issues: { type: 'string', default: '365' }, pages: { type: 'string', default: '4' }, build: { type: 'boolean', default: false } } });
const ISSUES = Number(values.issues);
const PAGES = Number(values.pages);
const project = path.resolve(import.meta.dirname, '..');
const site = path.join(project, '.cache/bench-preflight');

rmSync(site, { recursive: true, force: true });
mkdirSync(path.join(site, 'src'), { recursive: true });
writeFileSync(path.join(site, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nimport newsprint from '../../src/index.ts';\nexport default defineConfig({ integrations: [newsprint({ paperName: '基准日报', site: 'https://bench.example.org' })] });\n`);
writeFileSync(path.join(site, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';\nimport { articlesLoader, pagesLoader } from '../../../src/loaders/index.ts';\nexport const collections = {\n  pages: defineCollection({ loader: pagesLoader({ base: './content' }) }),\n  articles: defineCollection({ loader: articlesLoader({ base: './content' }) }),\n};\n`);
let articles = 0;
for (let issue = 0; issue < ISSUES; issue++) {
  const date = new Date(Date.UTC(2024, 0, 1 + issue)).toISOString().slice(0, 10);
  for (let p = 0; p < PAGES; p++) {
    const { transcript } = generatePage(issue * PAGES + p + 1, { articles: 2 + ((issue + p) % 3) });
    const result = importTranscript(transcript, { date, page: `A${String(p + 1).padStart(2, '0')}`, section: '要闻' });
    articles += result.articles.length;
    writeImport(path.join(site, 'content', date), serializeImport(result), true);
  }
}
const pages = ISSUES * PAGES;
console.log(`Generated ${ISSUES} issues, ${pages} pages, ${articles} articles in ${path.relative(project, site)}/.`);

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
async function check(label: string, url: string) {
  const browser = await openLayoutBrowser();
  const start = performance.now();
  const cpuStart = cpu();
  const { problems } = await runPreflight({ root: site, contentDir: path.join(site, 'content'), browser, pageUrl: (d, p) => new URL(`${d}/${p}/`, url).href });
  const seconds = (performance.now() - start) / 1000;
  await browser.close();
  console.log(`${label}: ${pages} pages checked in ${seconds.toFixed(0)} s (${(pages / seconds).toFixed(1)} pages/s; ${(cpu() - cpuStart).toFixed(0)} CPU s in this process), ${problems.length} problems; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores.`);
}

const contentStart = performance.now();
await runPreflight({ root: site, contentDir: path.join(site, 'content') });
console.log(`Content checks only (--no-layout): ${((performance.now() - contentStart) / 1000).toFixed(1)} s.`);

const devStart = performance.now();
const dev = await startSite(site);
console.log(`Dev server started in ${((performance.now() - devStart) / 1000).toFixed(0)} s.`);
await check('On the dev server (the default)', dev.url);
await dev.stop();

if (values.build) {
  const buildStart = performance.now();
  const build = spawnSync(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', site], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('astro build failed');
  console.log(`astro build: ${((performance.now() - buildStart) / 1000).toFixed(0)} s.`);
  const server = await serveStatic(path.join(site, 'dist'), '/');
  await check('On the built site (--dist)', `${server.origin}/`);
  await server.close();
}
