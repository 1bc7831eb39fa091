import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the tests find the project and what they build. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedDir = path.resolve(projectRoot, '../shared/seed');
export const transcriptPath = path.join(seedDir, '000_c6bdc8c64fa675cb.txt');
export const contentDir = path.join(projectRoot, 'content');
/** The sample site, built once per test run by `global-setup.ts`. */
export const builtSiteDir = path.join(projectRoot, '.cache/test-build/site');
/** Scratch space for sites that tests make and build (inside the project so packages resolve). */
export const scratchDir = path.join(projectRoot, '.cache/test-scratch');
