import { rm } from 'node:fs/promises';
import { runAstro } from './astro-cli.ts';
import { builtSiteDir, projectRoot, scratchDir } from './paths.ts';

/** Builds the sample site once, with the real `astro build`, for every test that reads it. */
export default async function setup() {
  await rm(scratchDir, { recursive: true, force: true });
  await rm(builtSiteDir, { recursive: true, force: true });
  const result = await runAstro(['build', '--outDir', builtSiteDir], projectRoot);
  if (result.code !== 0) {
    throw new Error(`The sample site did not build (exit ${result.code}):\n${result.output}`);
  }
}
