/** The built-site server of `npm run preflight -- --dist`, shared with the browser tests. */
export { serveStatic, type StaticServer } from '../../src/serve/static-site.ts';
