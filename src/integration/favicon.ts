import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The icon route, injected only when the site has no `public/favicon.svg` of its own (a
 * route and a public file at one path would collide).
 */
export function faviconRoute(publicDir: URL) {
  if (existsSync(fileURLToPath(new URL('favicon.svg', publicDir)))) return [];
  return [{ pattern: '/favicon.svg', entrypoint: new URL('../routes/favicon.svg.ts', import.meta.url) }];
}
