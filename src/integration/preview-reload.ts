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
  // when a request takes seconds, so no fixed delay is long enough. So the route cache is
  // cleared again (and the browser reloaded) soon after the write, and once more whenever a
  // request that was still running then finishes. A request that starts after that clear sees
  // the written store, so it never asks for another (no reload loop).
  let cleared = Number.NEGATIVE_INFINITY;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    for (const name of ['ssr', 'prerender']) server.environments[name]?.hot.send('astro:content-changed', {});
    server.ws.send({ type: 'full-reload', path: '*' });
  };
  /** One refresh for a burst of requests ending together. */
  const refreshSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, BURST_MS);
  };
  const stopReloaded = onReloaded(() => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      cleared = performance.now();
      refresh();
    }, WRITE_SETTLED_MS);
  });
  server.middlewares.use((_req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      if (started < cleared) refreshSoon();
    });
    next();
  });
  server.httpServer?.once('close', () => {
    stop();
    stopReloaded();
    clearTimeout(settle);
    clearTimeout(pending);
  });
}

/** After Astro's debounced write of the content store (500 ms) after a reload. */
const WRITE_SETTLED_MS = 1500;
/** Requests ending this close together share one refresh. */
const BURST_MS = 100;
