import path from 'node:path';
import { inject } from 'vitest';

/**
 * The three editions every site-wide check runs on, each built once per test run by
 * global-setup.ts and shared by all suites: the sample (base `/`), the fixture site (base
 * `/paper/`, tabloid, MDX) and the generated multi-issue edition (edition-generate.ts, base
 * `/paper/`).
 */
export type EditionName = 'sample' | 'fixture' | 'edition';

export interface BuiltEdition {
  name: EditionName;
  /** The site's root (astro.config.mjs). */
  root: string;
  /** Its `dist/`. */
  outDir: string;
  base: string;
  site: string;
  /** The file the network guard logs attempts to (no-network.ts); empty when none. */
  networkLog: string;
  /** Wall time of the build, in milliseconds. */
  ms: number;
  /** The build's log. */
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    editions: Record<EditionName, BuiltEdition>;
  }
}

export const EDITION_NAMES: EditionName[] = ['sample', 'fixture', 'edition'];

/** A shared build of this run. */
export const edition = (name: EditionName): BuiltEdition => inject('editions')[name];

/** The build folder of a URL path of an edition (`/paper/2024-01-15/` → its `index.html`). */
export function htmlFile(built: BuiltEdition, urlPath: string): string {
  const inSite = urlPath.slice(built.base.length);
  return path.join(built.outDir, inSite, inSite.endsWith('.html') ? '' : 'index.html');
}
