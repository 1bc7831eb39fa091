import { contentError } from '../errors/astro-error.ts';
import type { FileReport } from '../errors/problem-report.ts';

/**
 * The content problems of the running preview (`astro dev`). A loader cannot stop the dev
 * server the way it stops a build: Astro only logs what a loader throws on a file change, and
 * the browser would keep showing the old page. So in dev the loaders post their problems here
 * and the routes throw them (src/data/edition-data.ts), which Astro shows in its error overlay;
 * the integration reloads the browser whenever the board changes.
 *
 * Loaders and routes run in different module graphs of one process (the content layer and
 * Vite's SSR runner), so the board lives on `globalThis` under a registered symbol.
 */

interface Board {
  reports: Map<string, FileReport[]>;
  listeners: Set<() => void>;
  /** Called after every reload of a collection in the preview, whatever it found. */
  reloaded?: Set<() => void>;
}

const KEY = Symbol.for('newsprint.content-problems');

function board(): Board {
  const scope = globalThis as typeof globalThis & { [KEY]?: Board };
  scope[KEY] ??= { reports: new Map(), listeners: new Set() };
  return scope[KEY];
}

/** Sets (or, with an empty list, clears) the problems of one collection; tells listeners when that changes anything. */
export function postProblems(collection: string, reports: readonly FileReport[]): void {
  const { reports: all, listeners } = board();
  const before = JSON.stringify(all.get(collection) ?? []);
  if (reports.length === 0) all.delete(collection);
  else all.set(collection, [...reports]);
  if (JSON.stringify(reports) !== before) for (const listener of listeners) listener();
}

/** Calls `listener` whenever the problems change; returns the unsubscribe function. */
export function onProblemsChanged(listener: () => void): () => void {
  board().listeners.add(listener);
  return () => board().listeners.delete(listener);
}

/** Throws the preview's content problems, if there are any, as one `AstroError`. */
export function throwContentProblems(): void {
  const reports = [...board().reports.values()].flat();
  if (reports.length > 0) throw contentError(reports);
}

/** Says that a collection has just been loaded again in the preview (after a content change). */
export function postReloaded(): void {
  for (const listener of board().reloaded ?? []) listener();
}

/** Calls `listener` after every reload of a collection in the preview; returns the unsubscribe function. */
export function onReloaded(listener: () => void): () => void {
  const b = board();
  b.reloaded ??= new Set();
  b.reloaded.add(listener);
  return () => b.reloaded?.delete(listener);
}

/** True while the preview has content problems (its views show the error overlay). */
export const hasContentProblems = (): boolean => board().reports.size > 0;
