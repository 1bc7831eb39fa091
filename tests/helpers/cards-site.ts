import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runAstro, type RunResult } from './astro-cli.ts';
import { projectRoot, scratchDir } from './paths.ts';

/**
 * Scratch copies of the fixture site for the share-card tests: each test gets its own copy
 * (and so its own card cache under its `node_modules/.astro`), built with the real CLI.
 */

/** Copies tests/fixture-site to this run's scratch folder and points its imports at src/. */
export async function scratchSite(name: string): Promise<string> {
  const root = path.join(scratchDir(), name);
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

export interface Build extends RunResult {
  outDir: string;
  /** From the build log line `share cards: N rendered, M from the cache`. */
  rendered: number;
  cached: number;
}

/** Builds a site with `astro build` and reads the share-card statistics from its log. */
export async function buildSite(root: string): Promise<Build> {
  const result = await runAstro(['build', '--root', root], projectRoot);
  if (result.code !== 0) throw new Error(`The site at ${root} did not build (exit ${result.code}):\n${result.output}`);
  const stats = /share cards: (\d+) rendered, (\d+) from the cache/.exec(result.output);
  if (!stats) throw new Error(`The build log has no share-card line:\n${result.output}`);
  return { ...result, outDir: path.join(root, 'dist'), rendered: Number(stats[1]), cached: Number(stats[2]) };
}

/** Every `card.png` in a built site, by its path in the site. */
export async function cardFiles(outDir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('card.png')).sort();
  return new Map(await Promise.all(files.map(async (f) => [f.split(path.sep).join('/'), await readFile(path.join(outDir, f))] as const)));
}
