import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/**
 * The real `astro dev` on 127.0.0.1, for tests of the preview: start it on a free port, fetch
 * its pages, wait for a condition as files change, stop it (its own process only).
 */

export interface DevServer {
  /** The site's address with its base path, ending in `/`. */
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `astro dev` for the site at `root`, served under `base`, and waits until it listens. */
export async function startDev(root: string, base = '/'): Promise<DevServer> {
  const port = await freePort();
  const bin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)),
  );
  const child = spawn(process.execPath, [bin, 'dev', '--root', root, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}${base}`;
  const server: DevServer = {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 120_000;
  while (!/watching for file changes/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`astro dev did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

export interface Fetched {
  status: number;
  body: string;
}

/** GETs `url`. */
export async function get(url: string): Promise<Fetched> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

/** GETs `url` until `ok` holds (the preview reloads content a moment after a save). */
export async function waitFor(url: string, ok: (page: Fetched) => boolean, timeout = 30_000): Promise<Fetched> {
  const deadline = Date.now() + timeout;
  let last: Fetched = { status: 0, body: '' };
  while (Date.now() < deadline) {
    last = await get(url).catch(() => last);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never got there; last answer ${last.status}:\n${last.body.slice(0, 2000)}`);
}
