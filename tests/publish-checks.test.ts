import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EDITION_NAMES, edition } from './helpers/editions.ts';
import { htmlFiles } from './helpers/site-files.ts';
import { checkLinks } from './helpers/link-check.ts';

/**
 * Publishing checks on the three editions' shared builds: the Nu Html Checker finds no error
 * in any built HTML page (one JVM over every file), every internal reference resolves, and no
 * build tried to reach the network (the guard of no-network.ts logged nothing).
 */

const vnuJar = (createRequire(import.meta.url)('vnu-jar') as string);
const JAVA = process.env.JAVA ?? 'java';

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

function runVnu(files: string[]): Promise<{ code: number; messages: VnuMessage[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(JAVA, ['-Xss1m', '-jar', vnuJar, '--format', 'json', '--errors-only', ...files]);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code: code ?? 1, messages: (JSON.parse(stderr) as { messages: VnuMessage[] }).messages, stderr });
      } catch {
        reject(new Error(`vnu gave no JSON (exit ${code}):\n${stderr}`));
      }
    });
  });
}

describe('the Nu Html Checker (vnu)', () => {
  it('finds 0 errors in every built HTML page of the sample, the fixture site and the generated edition', async () => {
    const files = EDITION_NAMES.flatMap((name) => htmlFiles(edition(name).outDir).map((f) => path.join(edition(name).outDir, f)));
    expect(files.length).toBeGreaterThan(60);
    const { messages } = await runVnu(files);
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((m) => `${path.relative(process.cwd(), new URL(m.url).pathname)}:${m.lastLine}: ${m.message}`)).toEqual([]);
    console.info(`vnu: ${files.length} pages checked, ${errors.length} errors`);
    // One JVM over every page: about 10 s of CPU, but its wall time follows the machine's load.
  }, 600_000);

  it('reports a real error, so a clean result means something', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsprint-vnu-'));
    const broken = path.join(dir, 'broken.html');
    await writeFile(broken, '<!doctype html><html lang="zh-Hans"><head><title>x</title></head><body><p><div></p></div><a href="/x/" aria-current="yes">x</a></body></html>');
    try {
      const result = await runVnu([broken]);
      expect(result.messages.filter((m) => m.type === 'error').length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('every internal link, image, stylesheet, font and script resolves', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: 0 broken references, none off the site`, () => {
      const report = checkLinks(edition(name));
      expect(report.broken.map((b) => `${b.from}: ${b.kind} ${b.url} (${b.why})`)).toEqual([]);
      expect(report.offsite.map((b) => `${b.from}: ${b.kind} ${b.url}`)).toEqual([]);
      expect(report.checked).toBeGreaterThan(50);
    });
  }

  it('the checker catches a link outside the base path and a missing file', () => {
    const built = edition('fixture');
    const fake = { ...built, base: '/elsewhere/' };
    expect(checkLinks(fake).broken.length).toBeGreaterThan(10);
  });
});

describe('no network during the build', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: the build made no connection and no DNS lookup off 127.0.0.1`, () => {
      const built = edition(name);
      expect(readFileSync(built.networkLog, 'utf8')).toBe('');
      expect(built.output).toContain('search index:');
    });
  }

  it('the guard logs and refuses a request, so an empty log means something', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsprint-net-'));
    const log = path.join(dir, 'network.log');
    try {
      const guard = pathToFileURL(path.resolve('tests/helpers/no-network.ts')).href;
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', guard, '-e', "fetch('https://registry.example.invalid/').catch(() => process.exit(3))"], {
          env: { ...process.env, NEWSPRINT_NETWORK_LOG: log },
        });
        child.on('error', reject);
        child.on('close', (code) => (code === 3 ? resolve() : reject(new Error(`exit ${code}`))));
      });
      expect(readFileSync(log, 'utf8')).toContain('registry.example.invalid');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
