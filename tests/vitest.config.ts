import { defineConfig } from 'vitest/config';
import SlowestFirst from './helpers/slow-first-sequencer.ts';

/** The one test file that replaces a module with `vi.mock`: it needs a module registry of its own. */
const MOCKING = ['tests/importer-guard.test.ts'];
const exclude = ['**/node_modules/**', 'tests/fixture-site/**', '.cache/**'];

// Tests build real sites and drive real Chromium, so they get generous time-outs; speed is
// measured by the bench scripts, never asserted here. The global setup builds the shared sites
// once for both projects.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The slowest files first, so both workers end together (why: the sequencer's comment).
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        extends: true,
        // A worker runs file after file in one module registry (`isolate: false`) instead of
        // starting afresh for each of the 50-odd files (about 0.65 s each on 2 cores). No test
        // file stubs globals, patches prototypes or changes the working directory; the module
        // caches they share (phrases, fonts, line counts) are pure memos of their inputs.
        test: { name: 'shared', isolate: false, include: ['tests/**/*.test.ts'], exclude: [...exclude, ...MOCKING] },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, exclude } },
    ],
  },
});
