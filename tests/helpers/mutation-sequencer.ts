import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order the mutation runs take test files in: as `scripts/mutation.ts` lists them, fast
 * files first and the property tests last. Stryker stops a mutant's run at the first failing
 * test (bail), but Vitest's own order puts the slowest file (a property over hundreds of
 * generated pages) and the last to fail first, so every mutant a quick test would kill paid
 * for the whole property first.
 */
export default class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const listed = (process.env.NEWSPRINT_MUTATION_TESTS ?? '').split(',').filter(Boolean).map((f) => path.resolve(this.ctx.config.root, f));
    const rank = (spec: TestSpecification) => {
      const at = listed.indexOf(path.resolve(spec.moduleId));
      return at === -1 ? listed.length : at;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}
