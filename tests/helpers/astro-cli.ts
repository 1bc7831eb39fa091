import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths.ts';

export interface RunResult {
  code: number;
  output: string;
}

/**
 * Runs the real Astro CLI (`build`, `sync`, …) on the Node that runs the tests (the pinned
 * Node 24, since `npm test` puts it on PATH), and returns its exit code and all its output.
 * `extraEnv` adds variables (the shared builds load the network guard through NODE_OPTIONS).
 */
export function runAstro(args: string[], cwd = projectRoot, extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const bin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    // Vitest sets Vite's env variables (BASE_URL, MODE, …) in its own process: a child
    // build must not inherit them, or they override the site's own config.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)),
    );
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extraEnv },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
