import type { ViteDevServer } from 'vite';
import { onProblemsChanged, onReloaded } from '../loaders/problem-board.ts';

/**
 * In the preview, reloads the browser whenever the content problems change: a new problem
 * then shows as Astro's error overlay at once, and following its advice brings the page back
 * without a restart. (A change to the content store reloads by itself; a change that only
 * fixes or breaks a cross-file rule, such as creating a missing page file, may not.)
 */
export function reloadOnContentProblems(server: ViteDevServer): void {
  const stop = onProblemsChanged(() => server.ws.send({ type: 'full-reload', path: '*' }));
  // Astro clears its cache of route paths when the content store is written to disk. A request
  // that began before that write and ends after it caches the old paths again, and the page
  // then stays as it was (a fixed article still 404s) until the next change: seen under load,
  // when a request takes seconds. So once the reloads of a burst of changes have settled,
  // clear the route cache again and reload the browser: soon after the write, and once more
  // later for a request that was slow.
  let timers: ReturnType<typeof setTimeout>[] = [];
  const refresh = () => {
    for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
    server.ws.send({ type: 'full-reload', path: '*' });
  };
  const stopReloaded = onReloaded(() => {
    for (const t of timers) clearTimeout(t);
    timers = SETTLE_MS.map((ms) => setTimeout(refresh, ms));
  });
  server.httpServer?.once('close', () => {
    stop();
    stopReloaded();
    for (const t of timers) clearTimeout(t);
  });
}

/** After Astro's debounced write of the content store (500 ms), and again well after. */
const SETTLE_MS = [1500, 6000];
