/**
 * Build benchmark: `npm run bench [-- --issues 365 --work .cache/bench]`.
 *
 * Writes a synthetic archive of N daily issues (scripts/archive/generate-archive.ts; default
 * one year) outside the repository's content/, and builds it with the real site
 * (scripts/archive/bench-sites.ts) four ways, each with the real `astro build` in its own
 * process:
 *   1. cold: no dist/, no caches;
 *   2. nothing changed;
 *   3. one issue added (the next day's);
 *   4. one headline edited (an article in the middle of the archive: the search index
 *      re-indexes its whole month, as on the last day of a month);
 * then builds the same articles as bare Astro Markdown pages, and prints the HTML cost per
 * page of both. For each run: wall and CPU seconds, Astro's render stage, the search index's
 * time, HTML pages and cards rendered or reused,
 * peak RSS, dist/ size, and the machine's load average before and after (the machine may be
 * shared: compare ratios within one run). Results also go to <work>/results-<N>.json.
 * Run it under `nice -n 10` when others share the machine.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus, writeArchive, writeIssue, issueDate } from './archive/generate-archive.ts';
import { writeBenchSites } from './archive/bench-sites.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '365' },
    work: { type: 'string', default: '.cache/bench' },
  },
});
const issues = Number(values.issues);
if (!Number.isInteger(issues) || issues < 1) {
  console.error(`--issues must be a whole number of issues, at least 1 (got ${values.issues}).`);
  process.exit(2);
}
const repo = path.join(import.meta.dirname, '..');
const work = path.resolve(repo, values.work!, `issues-${issues}`);
const astroBin = path.join(repo, 'node_modules/astro/bin/astro.mjs');

interface Run {
  name: string;
  wall: number;
  cpu: number;
  /** Astro's "generating static routes" stage alone, seconds: rendering and writing the paths. */
  generate: number;
  /** The search index (Pagefind) at the end of the build, seconds. */
  search: number;
  /** Search bundles indexed in this build (the rest copied from the cache), and the article views they hold. */
  searchIndexed: { bundles: number; views: number };
  peakRssMb: number;
  html: { rendered: number; reused: number };
  cards: { rendered: number; reused: number };
  distMb: number;
  load: [number, number];
  log: string;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** `astro build` in its own process under GNU time: wall, user+system CPU and peak RSS. */
function build(name: string, root: string, extra: string[] = []): Promise<Run> {
  const load0 = os.loadavg()[0]!;
  const timeFile = path.join(work, `${name}.time`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%e %U %S %M', process.execPath, astroBin, 'build', '--root', root, ...extra], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', reject);
    child.on('close', async (code) => {
      const logFile = path.join(work, `${name}.log`);
      await writeFile(logFile, log);
      if (code !== 0) return reject(new Error(`${name}: astro build exited with ${code}; see ${logFile}`));
      const [wall, user, system, rssKb] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
      const html = { rendered: 0, reused: 0 };
      const cards = { rendered: 0, reused: 0 };
      // Astro lists every path it writes; a path restored from its incremental cache says so.
      for (const line of log.split('\n')) {
        const m = /[├└]─ (\S+)(.*)$/.exec(line);
        if (!m) continue;
        const kind = m[1]!.endsWith('.png') ? cards : m[1]!.endsWith('.html') ? html : undefined;
        if (kind) /\((restored|cached)\)/.test(m[2]!) ? kind.reused++ : kind.rendered++;
      }
      // Cards that Astro rendered may still come from the card cache: the card log line says.
      const cardLine = /share cards: (\d+) rendered, (\d+) from the cache/.exec(log);
      if (cardLine) {
        const total = cards.rendered + cards.reused;
        cards.rendered = Number(cardLine[1]);
        cards.reused = total - cards.rendered;
      }
      // Astro writes "412ms", "12.34s" or "2m 34s".
      const stage = /generating static routes[\s\S]*?✓ Completed in (?:(\d+)m )?([\d.]+)(m?s)/.exec(log);
      const generate = stage ? Number(stage[1] ?? 0) * 60 + Number(stage[2]) / (stage[3] === 'ms' ? 1000 : 1) : NaN;
      const index = /search index: .*? in (\d+) ms/.exec(log);
      const indexed = /\((\d+) indexed, (\d+) views read/.exec(log);
      resolve({
        name,
        wall: wall!,
        generate,
        search: index ? Number(index[1]) / 1000 : NaN,
        searchIndexed: { bundles: Number(indexed?.[1] ?? NaN), views: Number(indexed?.[2] ?? NaN) },
        cpu: user! + system!,
        peakRssMb: Math.round(rssKb! / 1024),
        html,
        cards,
        distMb: Math.round((await folderBytes(path.join(root, 'dist'))) / 1024 / 1024),
        load: [load0, os.loadavg()[0]!],
        log: logFile,
      });
    });
  });
}

function print(run: Run) {
  const load = run.load.map((l) => l.toFixed(1)).join('→');
  console.log(
    `${run.name.padEnd(16)} wall ${run.wall.toFixed(1).padStart(6)} s  CPU ${run.cpu.toFixed(1).padStart(6)} s  render ${run.generate.toFixed(1).padStart(5)} s  ` +
      `search index ${Number.isNaN(run.search) ? '–' : `${run.search.toFixed(1)} s (${run.searchIndexed.bundles} bundles, ${run.searchIndexed.views} views indexed)`}  ` +
      `html ${run.html.rendered} rendered / ${run.html.reused} reused  cards ${run.cards.rendered} rendered / ${run.cards.reused} reused  ` +
      `peak RSS ${run.peakRssMb} MB  dist ${run.distMb} MB  load ${load}`,
  );
}

await rm(work, { recursive: true, force: true });
const { site, bare, content } = await writeBenchSites(work);
const corpus = await readCorpus();
const t0 = performance.now();
const archive = await writeArchive(content, issues, corpus);
console.log(
  `Newsprint build benchmark: ${archive.issues} issues, ${archive.pages} pages, ${archive.articles} articles ` +
    `(written in ${((performance.now() - t0) / 1000).toFixed(1)} s to ${path.relative(repo, content)}); ` +
    `Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
);

const runs: Run[] = [];
const step = async (name: string, root: string, extra?: string[]) => {
  const run = await build(name, root, extra);
  runs.push(run);
  print(run);
  return run;
};

await step('cold', site);
await step('nothing changed', site);
const added = await writeIssue(content, issues, corpus);
console.log(`  (added the issue of ${issueDate(issues)}: ${added} files)`);
await step('issue added', site);
// One headline in the middle of the archive: its article, its page card and its neighbours change.
const edited = path.join(content, issueDate(Math.floor(issues / 2)), 'A02-1.md');
const text = await readFile(edited, 'utf8');
await writeFile(edited, text.replace(/^headline: "(.*)"$/m, (_m, h: string) => `headline: ${JSON.stringify(`${h}（更正）`)}`));
console.log(`  (edited the headline of ${path.relative(content, edited)})`);
await step('headline edited', site);
await step('forced render', site, ['--force']);
const bareRun = await step('bare Astro', bare);

// The HTML cost of a page: a forced render re-renders every page (cards come from the card
// cache), against bare Astro rendering the same articles as Markdown pages.
const forced = runs.find((r) => r.name === 'forced render')!;
// Per page from Astro's own render stage (the fixed start-up of a build is left out), and
// from the whole wall time.
const perPage = (r: Run, s: number) => (s * 1000) / (r.html.rendered + r.html.reused);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
console.log(
  `HTML cost per page, render stage: Newsprint ${perPage(forced, forced.generate).toFixed(2)} ms (forced render, ${forced.html.rendered} pages and ${forced.cards.reused} cards from the card cache), ` +
    `bare Astro ${perPage(bareRun, bareRun.generate).toFixed(2)} ms (${bareRun.html.rendered} pages): ${ratio(perPage(forced, forced.generate), perPage(bareRun, bareRun.generate))}; ` +
    `whole build: ${ratio(perPage(forced, forced.wall), perPage(bareRun, bareRun.wall))}`,
);
const results = path.join(path.dirname(work), `results-${issues}.json`);
await writeFile(results, `${JSON.stringify({ archive, node: process.version, cores: os.cpus().length, runs }, null, 2)}\n`);
console.log(`Results: ${path.relative(repo, results)}; build logs in ${path.relative(repo, work)}/`);
