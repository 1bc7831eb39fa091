// @ts-check
/**
 * Mutation testing of the pure core, one folder at a time: `scripts/mutation.ts`
 * sets NEWSPRINT_MUTATION_FOLDER and NEWSPRINT_MUTATION_TESTS and runs Stryker with this file.
 * Not part of `npm test` or CI: it is too slow for 2 cores.
 */
const folder = process.env.NEWSPRINT_MUTATION_FOLDER ?? 'all';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // Two shared cores: one test runner, one type checker (NEWSPRINT_MUTATION_CONCURRENCY=2 on a quiet machine).
  concurrency: Number(process.env.NEWSPRINT_MUTATION_CONCURRENCY ?? 1),
  timeoutMS: 20_000,
  ignorePatterns: ['dist', '.cache', '.astro', 'reports', 'test-results', 'tests/**/dist', 'tests/**/.astro'],
  incremental: true,
  incrementalFile: `.cache/stryker/${folder}-incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `.cache/stryker/${folder}/mutation.json` },
  htmlReporter: { fileName: `.cache/stryker/${folder}/mutation.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: true,
};
