import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { onProblemsChanged, onReloaded } from '../loaders/problem-board.ts';

/**
 * In the preview, reloads the browser whenever the content problems change: a new problem
 * then shows as Astro's error overlay at once, and following its advice brings the page back
 * without a restart. (A change to the content store reloads by itself; a change that only
 * fixes or breaks a cross-file rule, such as creating a missing page file, may not.)
 *
 * `dataStoreFile` is where `astro dev` writes its content store (`.astro/data-store.json`).
 */
export function reloadOnContentProblems(server: ViteDevServer, dataStoreFile: string): void {
  const stop = onProblemsChanged(() => server.ws.send({ type: 'full-reload', path: '*' }));
  // Astro clears its cache of route paths when the content store is written to disk. A request
  // that began before that write and ends after it caches the old paths again, and the page
  // then stays as it was (a fixed article still 404s) until the next change: seen under load,
  // when a request takes seconds and the write comes seconds after the reload, so no fixed
  // delay is long enough. So the moment of the write is taken from the file itself, and the
  // route cache is cleared again (and the browser reloaded) whenever a request that was still
  // running then finishes; a fixed delay after each reload stays as a fallback, for a write
  // the watcher misses. A request that starts after the write sees the written store, so it
  // never asks for another (no reload loop).
  let cleared = Number.NEGATIVE_INFINITY;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  // The refresh Astro does on a write, done again: its content store module dropped (a request
  // that was loading it when the store was written can leave the old store in Vite's module
  // cache, so every page keeps reading it: seen under load, the fixed article's whole
  // collection still empty 40 s later), then its route cache, then the browser reloaded.
  const refresh = () => {
    for (const name of ['ssr', 'prerender']) {
      const environment = server.environments[name];
      if (!environment) continue;
      const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
      if (module) environment.moduleGraph.invalidateModule(module, undefined, Date.now(), true);
      if (isRunnableDevEnvironment(environment)) {
        const evaluated = environment.runner.evaluatedModules.getModuleById(DATA_STORE_MODULE);
        if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
      }
      environment.hot.send('astro:content-changed', {});
    }
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
  const written = watchWrites(dataStoreFile, () => (cleared = performance.now()));
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
    written?.close();
    clearTimeout(settle);
    clearTimeout(pending);
  });
}

/** Astro's virtual module of the content store (`astro/dist/content/consts.js`, `RESOLVED_DATA_STORE_VIRTUAL_ID`). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** After Astro's debounced write of the content store (500 ms) after a reload. */
const WRITE_SETTLED_MS = 1500;
/** Requests ending this close together share one refresh. */
const BURST_MS = 100;

/**
 * Calls `onWrite` whenever `file` is written (renamed into place or changed), by watching its
 * folder, which exists before the file does; undefined when the folder cannot be watched.
 */
function watchWrites(file: string, onWrite: () => void): FSWatcher | undefined {
  const name = path.basename(file);
  try {
    const watcher = watch(path.dirname(file), (_event, changed) => {
      if (changed === name) onWrite();
    });
    watcher.on('error', () => watcher.close());
    watcher.unref();
    return watcher;
  } catch {
    return undefined;
  }
}
