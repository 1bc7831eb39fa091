import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumProblem } from '../scripts/chromium.ts';
import { projectRoot, scratchDir } from './helpers/paths.ts';

/**
 * Without a usable Chromium, the test run stops before any suite with one message that names
 * the fix, and fails: never a screenful of stack traces, never browser tests skipped and green.
 */
const MESSAGE = /Newsprint needs Chromium/g;
const FIX = ['apt-get install -y chromium', 'CHROMIUM_PATH=/path/to/chrome'];

function run(command: string, args: string[]) {
  const missing = path.join(scratchDir(), 'no-such-chromium');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST.*|TEST|NODE_ENV)$/.test(key)));
  const result = spawnSync(command, args, { cwd: projectRoot, env: { ...env, CHROMIUM_PATH: missing, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, missing };
}

function expectOneClearFailure({ status, output, missing }: ReturnType<typeof run>) {
  expect(status, output).not.toBe(0);
  expect(output.match(MESSAGE), output).toHaveLength(1);
  expect(output).toContain(`CHROMIUM_PATH is ${missing} and there is no such file`);
  for (const fix of FIX) expect(output).toContain(fix);
  // No stack trace, and no suite ran.
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/✓|passed|Test Files/);
}

describe('a machine without Chromium', () => {
  it('npm test stops before astro check and every suite, with the one message and the fix', () => {
    expectOneClearFailure(run('npm', ['test']));
  });

  it('vitest run directly stops the same way, before the sample build', () => {
    expectOneClearFailure(run(process.execPath, [path.join(projectRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/vitest.config.ts', 'tests/palette.test.ts']));
  });

  it('names a file that is not executable, or a binary that does not run', () => {
    const file = path.join(scratchDir(), 'not-a-browser');
    writeFileSync(file, '#!/bin/sh\nexit 3\n');
    expect(chromiumProblem({ CHROMIUM_PATH: file })).toContain(`CHROMIUM_PATH is ${file} and it is not executable`);
    chmodSync(file, 0o755);
    expect(chromiumProblem({ CHROMIUM_PATH: file })).toContain(`\`${file} --version\` failed (exit 3)`);
  });

  it('finds this machine\'s Chromium', () => {
    expect(chromiumProblem()).toBeUndefined();
  });
});
