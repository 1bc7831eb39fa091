import type { FileReport } from '../errors/problem-report.ts';

/**
 * One round of content loading in a build. Astro runs every collection's loader at once and
 * stops at the first that throws, so an editor who broke a page file and an article would see
 * only one of them, fix it, build again, and only then learn of the other. Instead a loader
 * that found problems waits for the other Newsprint loaders of the round, and every failing
 * loader throws the same error: all problems of all collections, in one message.
 *
 * Loaders run in one module graph per build but may be bundled twice, so the round lives on
 * `globalThis` under a registered symbol.
 */

interface Round {
  running: Set<string>;
  reports: Map<string, FileReport[]>;
  settled: Promise<void>;
  settle: () => void;
}

const KEY = Symbol.for('newsprint.load-round');

function newRound(): Round {
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { running: new Set(), reports: new Map(), settled, settle };
}

function round(): Round {
  const scope = globalThis as typeof globalThis & { [KEY]?: Round };
  scope[KEY] ??= newRound();
  return scope[KEY];
}

/** Called as a collection's load starts, before it awaits anything. */
export function beginLoad(collection: string): void {
  round().running.add(collection);
}

/**
 * Called as a collection's load ends, with its problems. With none it returns at once. With
 * some it waits until every loader that began has ended, then returns the problems of all of
 * them, ordered by file.
 */
export async function endLoad(collection: string, reports: readonly FileReport[]): Promise<FileReport[]> {
  const current = round();
  current.running.delete(collection);
  if (reports.length > 0) current.reports.set(collection, [...reports]);
  if (current.running.size === 0) {
    // The round is over: the next build (or sync) in this process starts a new one.
    (globalThis as typeof globalThis & { [KEY]?: Round })[KEY] = undefined;
    current.settle();
  }
  if (reports.length === 0) return [];
  await current.settled;
  return [...current.reports.values()].flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
