import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from './paths.ts';

/**
 * The global setup of the mutation runs (`tests/vitest.mutation.config.ts`): a scratch folder
 * of this run and no site build, because mutation testing runs only the in-process suites of
 * the pure core, hundreds of times.
 */
export default async function setup(project: TestProject) {
  const runDir = path.join(projectRoot, '.cache/test-runs', `mutation-${process.pid}`);
  const scratchDir = path.join(runDir, 'scratch');
  await rm(runDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  project.provide('scratchDir', scratchDir);
  return async () => {
    await rm(runDir, { recursive: true, force: true });
  };
}
