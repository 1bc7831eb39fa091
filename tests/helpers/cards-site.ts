import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runAstro, type RunResult } from './astro-cli.ts';
import { projectRoot } from './paths.ts';

/**
 * Builds of scratch copies of the fixture site (`scratch-site.ts`) for the share-card tests:
 * each copy has its own card cache under its `node_modules/.astro`, built with the real CLI.
 */

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
