/**
 * `npm run test:mutation [-- folder…]`: mutation testing of the pure core with Stryker,
 * one folder at a time, each against only the in-process test files that exercise it (no site
 * build, no browser), so it finishes on 2 shared cores. Then the property tests once more with
 * many more cases under a fresh seed. Prints each folder's mutation score; the HTML and JSON
 * reports are in `.cache/stryker/<folder>/`. Not part of `npm test` or CI (too slow).
 * Run it under `nice -n 10` on a shared machine; results are incremental (`.cache/stryker/`),
 * so a second run only re-tests mutants whose code or tests changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Folder {
  /** What is mutated (Stryker `mutate` globs). */
  mutate: string[];
  /** The in-process test files that exercise it, fast ones first: a mutant's run takes them in this order and stops at the first failure. */
  tests: string[];
  /**
   * The folder whose files are Stryker runs of their own (one shard a file, each with its own
   * incremental file and report), for a folder too big for one run on 2 shared cores: a shard
   * finished is kept when a later one is stopped, and each can run alone (`importer/blocks`).
   */
  shardByFile?: string;
  /**
   * The share of their cases the property tests run under Stryker (NEWSPRINT_PROPERTY_SCALE;
   * 1 when not given). Fewer cases can only let more mutants survive, so a score measured so is a
   * lower bound; `src/print-layout/` uses it because each case lays out whole pages, and a mutant
   * that survives runs them all, about 30 s under Stryker's instrumentation at full scale.
   */
  propertyScale?: number;
}

export const FOLDERS: Record<string, Folder> = {
  importer: {
    mutate: ['src/importer/**/*.ts'],
    tests: ['tests/importer-rules.test.ts', 'tests/importer-structure.test.ts', 'tests/importer-edges.test.ts', 'tests/importer-golden.test.ts', 'tests/importer-bad-input.test.ts', 'tests/importer-guard.test.ts', 'tests/importer-files.test.ts', 'tests/importer-property.test.ts'],
    shardByFile: 'src/importer',
  },
  typeset: {
    mutate: ['src/typeset/**/*.ts'],
    tests: ['tests/typeset-corpus.test.ts', 'tests/typeset-phrases.test.ts', 'tests/typeset-punctuation.test.ts', 'tests/importer-rules.test.ts', 'tests/cards-wrap.test.ts'],
  },
  model: {
    mutate: ['src/model/**/*.ts'],
    tests: ['tests/model.test.ts', 'tests/importer-rules.test.ts'],
  },
  cards: {
    mutate: ['src/cards/wrap.ts', 'src/cards/cache.ts'],
    tests: ['tests/cards-cache-key.test.ts', 'tests/cards-wrap-widths.test.ts', 'tests/cards-wrap.test.ts'],
  },
  search: {
    mutate: ['src/search/bundles.ts', 'src/search/rank.ts'],
    tests: ['tests/search-rank.test.ts'],
  },
  'print-layout': {
    mutate: ['src/print-layout/**/*.ts'],
    tests: ['tests/makeup-chromium.test.ts', 'tests/estimate-body.test.ts', 'tests/estimate-measures.test.ts', 'tests/partition-search.test.ts', 'tests/column-white.test.ts', 'tests/sheet-fill.test.ts', 'tests/place-choice.test.ts', 'tests/print-layout.test.ts', 'tests/line-breaks.test.ts', 'tests/page-makeup.test.ts', 'tests/page-makeup-lead.test.ts'],
    shardByFile: 'src/print-layout',
    propertyScale: 0.25,
  },
};

/** The property test files, run again with more cases under a fresh seed. */
const PROPERTY_TESTS = ['tests/importer-property.test.ts', 'tests/typeset-phrases.test.ts', 'tests/typeset-punctuation.test.ts', 'tests/cards-wrap.test.ts', 'tests/cards-wrap-widths.test.ts', 'tests/print-layout.test.ts', 'tests/page-makeup.test.ts', 'tests/page-makeup-lead.test.ts'];

/** One Stryker run: a folder, or one file of a sharded folder (`importer/blocks`). */
interface Run {
  /** The report's name under `.cache/stryker/` (`model`, `importer/blocks`). */
  name: string;
  mutate: string[];
  tests: string[];
  propertyScale?: number;
}

/** A folder's runs: itself, or one a file when it is sharded (index files that only re-export have no mutants but are run all the same, in a second). */
function runsOf(name: string, folder: Folder): Run[] {
  if (!folder.shardByFile) return [{ name, mutate: folder.mutate, tests: folder.tests, propertyScale: folder.propertyScale }];
  return readdirSync(path.join(root, folder.shardByFile))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => ({ name: `${name}/${file.slice(0, -3)}`, mutate: [`${folder.shardByFile}/${file}`], tests: folder.tests, propertyScale: folder.propertyScale }));
}

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const requested = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const allRuns = new Map(Object.entries(FOLDERS).map(([name, folder]) => [name, runsOf(name, folder)]));
const plan: Run[] = [];
for (const name of requested.length > 0 ? requested : Object.keys(FOLDERS)) {
  const shard = [...allRuns.values()].flat().find((run) => run.name === name);
  const folder = allRuns.get(name);
  if (!folder && !shard) {
    const shards = [...allRuns.values()].flat().filter((run) => run.name.includes('/')).map((run) => run.name);
    console.error(`Unknown folder or shard "${name}"; choose from ${Object.keys(FOLDERS).join(', ')} or a shard (${shards.join(', ')}).`);
    process.exit(2);
  }
  plan.push(...(folder ?? [shard!]));
}
const npx = (args: string[], env: Record<string, string>) =>
  spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

type Count = Record<string, number>;
/** The mutants of a report by status, or nothing when the run has no report (not run yet). */
function countOf(name: string): Count | undefined {
  const file = path.join(root, '.cache/stryker', name, 'mutation.json');
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { mutants: Array<{ status: string }> }> };
  const count: Count = {};
  for (const f of Object.values(report.files)) for (const m of f.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  return count;
}
function row(name: string, count: Count, seconds?: number): string {
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  const time = seconds === undefined ? '' : ` in ${seconds.toFixed(0)} s`;
  return `${name}: ${score.toFixed(2)}% (${detected} killed of ${valid}; ${count.Survived ?? 0} survived, ${count.NoCoverage ?? 0} not covered, ${count.Timeout ?? 0} of the killed by a timeout, ${count.CompileError ?? 0} compile errors)${time}`;
}

const rows: string[] = [];
let failed = false;
for (const run of plan) {
  const started = Date.now();
  const stryker = npx(['stryker', 'run', 'stryker.config.mjs', '--mutate', run.mutate.join(',')], {
    NEWSPRINT_MUTATION_FOLDER: run.name,
    NEWSPRINT_MUTATION_TESTS: run.tests.join(','),
    NEWSPRINT_PROPERTY_NO_SHRINK: '1',
    ...(run.propertyScale === undefined ? {} : { NEWSPRINT_PROPERTY_SCALE: String(run.propertyScale) }),
  });
  const seconds = (Date.now() - started) / 1000;
  const count = stryker.status === 0 ? countOf(run.name) : undefined;
  if (!count) {
    failed = true;
    rows.push(`${run.name}: Stryker failed (exit ${stryker.status})`);
    continue;
  }
  rows.push(row(run.name, count, seconds));
}
// A sharded folder's score: the sum of its shards' latest reports (those run now and before).
for (const [name, folder] of Object.entries(FOLDERS)) {
  if (!folder.shardByFile || !plan.some((run) => run.name.startsWith(`${name}/`))) continue;
  const total: Count = {};
  const missing: string[] = [];
  for (const shard of allRuns.get(name)!) {
    const count = countOf(shard.name);
    if (!count) missing.push(shard.name);
    for (const [status, n] of Object.entries(count ?? {})) total[status] = (total[status] ?? 0) + n;
  }
  rows.push(`${row(`${name} (all shards)`, total)}${missing.length > 0 ? `; not run yet: ${missing.join(', ')}` : ''}`);
}

// The properties once more, with 10× the cases under a seed nobody chose (after a whole run,
// or with --properties).
const withProperties = requested.length === 0 || flags.includes('--properties');
const seed = Math.floor(Math.random() * 2 ** 31);
if (withProperties) console.log(`\nProperty tests with 10× the cases under the fresh seed ${seed} (replay: NEWSPRINT_PROPERTY_SEED=${seed} NEWSPRINT_PROPERTY_SCALE=10):`);
const properties = !withProperties ? { status: 0 } : npx(['vitest', 'run', '--config', 'tests/vitest.mutation.config.ts'], {
  NEWSPRINT_MUTATION_TESTS: PROPERTY_TESTS.join(','),
  NEWSPRINT_PROPERTY_SEED: String(seed),
  NEWSPRINT_PROPERTY_SCALE: '10',
});
if (properties.status !== 0) failed = true;

console.log('\nMutation scores (goal ≥ 85% per folder):');
for (const r of rows) console.log(`  ${r}`);
process.exit(failed ? 1 : 0);
