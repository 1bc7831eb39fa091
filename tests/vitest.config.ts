import { defineConfig } from 'vitest/config';

// Tests build real sites and drive real Chromium, so they get generous time-outs; speed is
// measured by the bench scripts, never asserted here.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/fixture-site/**', '.cache/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
