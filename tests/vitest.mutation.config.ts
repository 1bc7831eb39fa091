import { defineConfig } from 'vitest/config';
import ListedOrder from './helpers/mutation-sequencer.ts';

/**
 * The Vitest configuration Stryker runs (`npm run test:mutation`, `stryker.config.mjs`): only
 * the in-process test files of the folder being mutated, named in NEWSPRINT_MUTATION_TESTS by
 * `scripts/mutation.ts`, and no site build (see `helpers/scratch-setup.ts`).
 */
const files = (process.env.NEWSPRINT_MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('NEWSPRINT_MUTATION_TESTS names no test file; run the mutation tests with `npm run test:mutation`.');

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: files,
    exclude: ['**/node_modules/**', 'tests/fixture-site/**', '.cache/**'],
    globalSetup: ['tests/helpers/scratch-setup.ts'],
    setupFiles: ['tests/helpers/mutation-setup.ts'],
    // Files in the order scripts/mutation.ts lists them, the slow properties last (why: the sequencer's comment).
    sequence: { sequencer: ListedOrder },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
