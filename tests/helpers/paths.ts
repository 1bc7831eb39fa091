import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** Where the tests find the project and what they build. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const seedDir = path.resolve(projectRoot, '../shared/seed');
export const transcriptPath = path.join(seedDir, '000_c6bdc8c64fa675cb.txt');
export const contentDir = path.join(projectRoot, 'content');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sample site as this run's `astro build` wrote it. */
    builtSiteDir: string;
    /** Scratch space of this run, inside the project so packages resolve. */
    scratchDir: string;
  }
}

/** The sample site, built once per test run by `global-setup.ts`. */
export const builtSiteDir = (): string => inject('builtSiteDir');
/** This run's scratch folder: runs in parallel (several developers, CI) never share one. */
export const scratchDir = (): string => inject('scratchDir');
