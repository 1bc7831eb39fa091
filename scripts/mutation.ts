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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Folder {
  /** What is mutated (Stryker `mutate` globs). */
  mutate: string[];
  /** The in-process test files that exercise it. */
  tests: string[];
}

export const FOLDERS: Record<string, Folder> = {
  importer: {
    mutate: ['src/importer/**/*.ts'],
    tests: ['tests/importer-rules.test.ts', 'tests/importer-property.test.ts', 'tests/importer-bad-input.test.ts', 'tests/importer-files.test.ts', 'tests/importer-golden.test.ts', 'tests/importer-guard.test.ts'],
  },
  typeset: {
    mutate: ['src/typeset/**/*.ts'],
    tests: ['tests/typeset-phrases.test.ts', 'tests/typeset-punctuation.test.ts', 'tests/importer-rules.test.ts', 'tests/cards-wrap.test.ts'],
  },
  model: {
    mutate: ['src/model/**/*.ts'],
    tests: ['tests/model.test.ts', 'tests/importer-rules.test.ts'],
  },
  cards: {
    mutate: ['src/cards/wrap.ts', 'src/cards/cache.ts'],
    tests: ['tests/cards-wrap.test.ts', 'tests/cards-wrap-widths.test.ts', 'tests/cards-cache-key.test.ts'],
  },
  'print-layout': {
    mutate: ['src/print-layout/**/*.ts'],
    tests: ['tests/print-layout.test.ts'],
  },
};

/** The property test files, run again with more cases under a fresh seed. */
const PROPERTY_TESTS = ['tests/importer-property.test.ts', 'tests/typeset-phrases.test.ts', 'tests/typeset-punctuation.test.ts', 'tests/cards-wrap.test.ts', 'tests/cards-wrap-widths.test.ts', 'tests/print-layout.test.ts'];

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const requested = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const name of requested) {
  if (!(name in FOLDERS)) {
    console.error(`Unknown folder "${name}"; choose from ${Object.keys(FOLDERS).join(', ')}.`);
    process.exit(2);
  }
}
const names = requested.length > 0 ? requested : Object.keys(FOLDERS);
const npx = (args: string[], env: Record<string, string>) =>
  spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

const rows: string[] = [];
let failed = false;
for (const name of names) {
  const folder = FOLDERS[name]!;
  const started = Date.now();
  const run = npx(['stryker', 'run', 'stryker.config.mjs', '--mutate', folder.mutate.join(',')], {
    NEWSPRINT_MUTATION_FOLDER: name,
    NEWSPRINT_MUTATION_TESTS: folder.tests.join(','),
    NEWSPRINT_PROPERTY_NO_SHRINK: '1',
  });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) {
    failed = true;
    rows.push(`${name}: Stryker failed (exit ${run.status})`);
    continue;
  }
  const report = JSON.parse(readFileSync(path.join(root, '.cache/stryker', name, 'mutation.json'), 'utf8')) as {
    files: Record<string, { mutants: Array<{ status: string }> }>;
  };
  const count: Record<string, number> = {};
  for (const file of Object.values(report.files)) for (const m of file.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
  const score = valid === 0 ? 100 : (100 * detected) / valid;
  rows.push(
    `${name}: ${score.toFixed(2)}% (${detected} killed of ${valid}; ${count.Survived ?? 0} survived, ${count.NoCoverage ?? 0} not covered, ${count.CompileError ?? 0} compile errors) in ${seconds.toFixed(0)} s`,
  );
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
for (const row of rows) console.log(`  ${row}`);
process.exit(failed ? 1 : 0);
