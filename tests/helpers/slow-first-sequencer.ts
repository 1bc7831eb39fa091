import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order `npm test` takes test files in: the slowest first, so the two workers finish
 * together instead of one waiting while the other runs a long file it started last. Vitest
 * orders by the durations of the last run when it has them, and otherwise (a fresh clone, as
 * in CI) by file size, which put `incremental-build` (its own builds, the longest file) near
 * the end. These are the files that build sites of their own or drive Chromium through many
 * views, longest first, as measured in a full run (session 4, 2 cores, load 8–10: 165, 118,
 * 98, 93, 88, 84, 78, 76, 71 and 65 s). Every other file follows, in Vitest's own order.
 */
const SLOWEST = [
  'incremental-build',
  'publish-axe',
  'cards-cache',
  'preflight-cli',
  'package',
  'browser-generated',
  'search',
  'content-cache',
  'browser-makeup',
  'page-makeup',
  'browser-sample',
  'content-preview',
  'publish-determinism',
  'publish-checks',
].map((name) => `tests/${name}.test.ts`);

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = SLOWEST.indexOf(path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/'));
      return at === -1 ? SLOWEST.length : at;
    };
    return base.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}
