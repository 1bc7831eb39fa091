import type { ViteDevServer } from 'vite';
import { onProblemsChanged } from '../loaders/problem-board.ts';

/**
 * In the preview, reloads the browser whenever the content problems change: a new problem
 * then shows as Astro's error overlay at once, and following its advice brings the page back
 * without a restart. (A change to the content store reloads by itself; a change that only
 * fixes or breaks a cross-file rule, such as creating a missing page file, may not.)
 */
export function reloadOnContentProblems(server: ViteDevServer): void {
  const stop = onProblemsChanged(() => server.ws.send({ type: 'full-reload', path: '*' }));
  server.httpServer?.once('close', stop);
}
