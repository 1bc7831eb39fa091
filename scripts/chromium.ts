/**
 * `node scripts/chromium.ts` (npm's pretest): one message and exit 1 when Chromium is
 * unusable. The finding and checking live in src/chromium/launch.ts.
 */
import { chromiumProblem } from '../src/chromium/launch.ts';

export { DEFAULT_CHROMIUM, chromiumPath, chromiumProblem } from '../src/chromium/launch.ts';

if (import.meta.main) {
  const problem = chromiumProblem();
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(1);
  }
}
