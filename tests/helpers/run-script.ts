import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/<name>` with this Node as `npm run …` would: from the project root, with
 * relative paths starting at `cwd` (INIT_CWD), collecting its output and exit code.
 */
export function runScript(name: string, args: string[], cwd = projectRoot, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', name), ...args], { cwd: projectRoot, env: { ...process.env, INIT_CWD: cwd, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
