/**
 * Where Newsprint finds Chromium (`npm run pdf`, `npm run preflight`, the dev toolbar's
 * pre-press check and the browser tests), a check that it is there and runs, with the fix
 * when it is not, and the one way to launch it. playwright-core brings no browser of its own:
 * it drives Debian's `chromium` package, or whatever Chrome or Chromium CHROMIUM_PATH names.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import type { Browser } from 'playwright-core';

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

/** Headless, no sandbox (it runs as root in CI containers), and none of a desktop browser's background traffic, so nothing leaves the machine. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Launches Chromium through playwright-core, or says what is missing and the fix.
 * playwright-core is loaded only here: a site that installs Newsprint without it (it is a
 * development dependency of this repository) still builds, and only the measuring fails.
 */
export async function launchChromium({ localOnly = false }: { /** Resolve no host name but localhost: nothing but 127.0.0.1 can be reached. */ localOnly?: boolean } = {}): Promise<Browser> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('Measuring page views needs the playwright-core package, which drives Chromium; install it in your site: npm install --save-dev playwright-core');
  }
  const args = localOnly ? [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: chromiumPath(), args });
}
