import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAstro } from './astro-cli.ts';
import { projectRoot } from './paths.ts';

/**
 * Builds the sample site once per run, with the real `astro build`, for every test that reads
 * it. Each run gets its own folder, so parallel runs never delete each other's output.
 */
export default async function setup(project: TestProject) {
  const runDir = path.join(projectRoot, '.cache/test-runs', String(process.pid));
  const builtSiteDir = path.join(runDir, 'site');
  const scratchDir = path.join(runDir, 'scratch');
  await rm(runDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  const result = await runAstro(['build', '--outDir', builtSiteDir], projectRoot);
  if (result.code !== 0) {
    throw new Error(`The sample site did not build (exit ${result.code}):\n${result.output}`);
  }
  project.provide('builtSiteDir', builtSiteDir);
  project.provide('scratchDir', scratchDir);
  return async () => {
    await rm(runDir, { recursive: true, force: true });
  };
}
