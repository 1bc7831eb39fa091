import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot, scratchDir } from './paths.ts';

/**
 * A fresh copy of tests/fixture-site in this run's scratch folder, for tests that change its
 * content or build it several times. The copy sits deeper than the fixture, so its imports of
 * Newsprint's sources are pointed at the real `src/`. `inDir` is for the global setup, which
 * runs before the tests can be given this run's scratch folder.
 */
export async function scratchSite(name: string, inDir = scratchDir()): Promise<string> {
  const root = path.join(inDir, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(path.join(projectRoot, 'tests/fixture-site'), root, {
    recursive: true,
    filter: (src) => !/(?:^|\/)(?:dist|node_modules|\.astro)(?:\/|$)/.test(path.relative(projectRoot, src)),
  });
  for (const file of ['astro.config.mjs', 'src/content.config.ts']) {
    const full = path.join(root, file);
    const source = await readFile(full, 'utf8');
    const src = path.relative(path.dirname(full), path.join(projectRoot, 'src'));
    await writeFile(full, source.replaceAll(/(['"])((?:\.\.\/)+)src\//g, (_m, q) => `${q}${src}/`));
  }
  return root;
}
