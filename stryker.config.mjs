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
  // 'all', not 'perTest': a memo or a per-object cache (phrases.ts, the card measurer, the
  // estimate's body layouts) makes a test that meets a text or block another test met first skip
  // the code, so per-test coverage leaves it out of the mutants it could kill. Seen: the test of
  // a break before 238分 covered 5 of 294 mutants of phrases.ts, and its mutant survived Stryker
  // while the test kills it when the mutant is applied by hand. Every mutant now runs against
  // every listed test file (fast ones first, stopping at the first failure).
  coverageAnalysis: 'all',
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
