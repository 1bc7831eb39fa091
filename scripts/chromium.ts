/**
 * Where Newsprint finds Chromium (the browser tests and `npm run pdf`), and a check that it is
 * there and runs, with the fix when it is not. playwright-core brings no browser of its own:
 * it drives Debian's `chromium` package, or whatever Chrome or Chromium CHROMIUM_PATH names.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium binary to drive: CHROMIUM_PATH if set, else Debian's. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

/**
 * Why Chromium cannot be used, as a full message with the fix, or undefined when it can:
 * the binary must exist, be executable and answer `--version` (a broken install fails there).
 */
export function chromiumProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const binary = chromiumPath(env);
  const where = env.CHROMIUM_PATH ? `CHROMIUM_PATH is ${binary}` : `CHROMIUM_PATH is not set, so Newsprint looked for Debian's ${DEFAULT_CHROMIUM}`;
  const fix =
    'Install Debian\'s Chromium (as root: apt-get install -y chromium), or point CHROMIUM_PATH at a Chrome or Chromium binary: CHROMIUM_PATH=/path/to/chrome npm test';
  let problem: string | undefined;
  try {
    if (!statSync(binary).isFile()) problem = 'it is not a file';
    else accessSync(binary, constants.X_OK);
  } catch (error) {
    problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'it is not executable';
  }
  if (!problem) {
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0) problem = `\`${binary} --version\` failed (${run.error?.message ?? `exit ${run.status}`})`;
  }
  return problem && `Newsprint needs Chromium for its browser tests and PDFs, but ${where} and ${problem}.\n${fix}.`;
}

// `node scripts/chromium.ts` (npm's pretest): one message and exit 1 when Chromium is unusable.
if (import.meta.main) {
  const problem = chromiumProblem();
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(1);
  }
}
