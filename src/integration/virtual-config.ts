import type { Edition } from '../schemas/edition.ts';

const MODULE_ID = 'virtual:newsprint/config';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * A Vite plugin that hands the validated edition options to components and routes as
 * `virtual:newsprint/config` (typed in `src/virtual.d.ts`).
 */
export function virtualConfig(edition: Edition) {
  return {
    name: 'newsprint:config',
    resolveId(id: string) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id: string) {
      return id === RESOLVED_ID ? `export default ${JSON.stringify(edition)};` : undefined;
    },
  };
}
