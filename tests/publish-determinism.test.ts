import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro-cli.ts';
import { edition } from './helpers/editions.ts';
import { projectRoot } from './helpers/paths.ts';

/**
 * Two clean builds give byte-identical `dist/` trees: the generated edition, built clean by
 * the global setup, is built clean again (its card cache and content store deleted first)
 * into a second folder, with the network guard, and every file is compared by SHA-256.
 */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const f of files) {
    const full = path.join(f.parentPath, f.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

describe('deterministic builds', () => {
  it('two clean builds of the generated edition give byte-identical dist/ trees', async () => {
    const built = edition('edition');
    const again = path.join(built.root, 'dist-again');
    await rm(path.join(built.root, 'node_modules/.astro'), { recursive: true, force: true });
    await rm(path.join(built.root, '.astro'), { recursive: true, force: true });
    const log = path.join(built.root, 'network-again.log');
    const result = await runAstro(['build', '--root', built.root, '--outDir', again], projectRoot, {
      NODE_OPTIONS: `--import=${pathToFileURL(path.join(projectRoot, 'tests/helpers/no-network.ts')).href}`,
      NEWSPRINT_NETWORK_LOG: log,
    });
    expect(result.code, result.output).toBe(0);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
    expect(result.output).toMatch(/share cards: \d+ rendered, 0 from the cache/);
    const [first, second] = await Promise.all([tree(built.outDir), tree(again)]);
    expect(first.size).toBeGreaterThan(100);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differ = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differ).toEqual([]);
    await rm(again, { recursive: true, force: true });
  });
});
