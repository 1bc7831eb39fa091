/**
 * `npm run bench:search`: the search index on a generated multi-issue edition. Writes
 * BENCH_ISSUES daily issues (default 60) of 8 pages with 6 articles each into a scratch copy
 * of the fixture site, builds it with the real `astro build` (which writes the index at its
 * end), then indexes the built site three more times on its own and prints the index's size
 * and time. Run it under `nice -n 10` on a shared machine. Not a test: measured, never asserted.
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSearchIndex } from '../src/search/build-index.ts';
import { runAstro } from '../tests/helpers/astro-cli.ts';
import { scratchSite } from '../tests/helpers/scratch-site.ts';
import { writeIssues, type GeneratedPage } from '../tests/helpers/edition-generate.ts';
import { projectRoot } from '../tests/helpers/paths.ts';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 60);
const PAGES: GeneratedPage[] = Array.from({ length: 8 }, (_, i) => ({
  number: `A${String(i + 1).padStart(2, '0')}`,
  section: ['要闻', '要闻', '城市', '城市', '经济', '文化', '体育', '副刊'][i]!,
  front: i === 0,
  articles: 6,
}));

const work = path.join(projectRoot, '.cache/bench-search');
await rm(work, { recursive: true, force: true });
const root = await scratchSite('site', work);
const dates = Array.from({ length: ISSUES }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
const articles = await writeIssues(root, dates, PAGES);
console.log(`bench:search — ${ISSUES} issues, ${ISSUES * PAGES.length} pages, ${articles} articles; ${os.cpus().length} cores, Node ${process.version}`);

const started = performance.now();
const build = await runAstro(['build', '--root', root], projectRoot);
if (build.code !== 0) throw new Error(build.output);
const buildSeconds = (performance.now() - started) / 1000;
console.log(`astro build (cold, cards included): ${buildSeconds.toFixed(1)} s`);
console.log(`  ${/search index: .*/.exec(build.output)?.[0]}`);

const runs = [];
for (let i = 0; i < 3; i++) runs.push(await buildSearchIndex(path.join(root, 'dist')));
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const last = runs.at(-1)!;
console.log(`index alone, 3 runs: ${ms.join(' / ')} ms (median ${ms[1]} ms, ${(ms[1]! / last.pages).toFixed(2)} ms an article)`);
console.log(`bundle: ${last.files} files, ${(last.bytes / 1024 / 1024).toFixed(2)} MB (${(last.bytes / last.pages / 1024).toFixed(1)} KB an article) for ${last.pages} article views`);
await rm(work, { recursive: true, force: true });
