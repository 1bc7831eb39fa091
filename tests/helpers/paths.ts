import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** Where the tests find the project and what they build. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The sample page's transcript and its anatomy (the importer's oracle), kept in the repository. */
export const sampleDir = path.join(projectRoot, 'samples/2023-07-02-A03');
export const transcriptPath = path.join(sampleDir, 'transcript.txt');
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
