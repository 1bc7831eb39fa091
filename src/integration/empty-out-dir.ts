import type { HookParameters } from 'astro';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The build's output folder emptied without holding the build up. Astro empties `dist/`
 * before it builds (`emptyDir`, one synchronous `rmSync` per entry) and then, with incremental
 * builds, copies every unchanged page and card back from its cache. For a year of a daily that
 * is about 60,000 files removed on the main thread: 20 s of a 117 s build in a profile, with
 * nothing else running. At `astro:build:start` the old folder is renamed aside instead (one
 * rename on the same file system) and removed in the background while the build runs, so
 * Astro finds no folder to empty and the result is the same: a `dist/` holding only this
 * build's files. The removal is awaited at `astro:build:done`. Where the rename is not
 * possible (another file system, a mount point), Astro empties the folder as before.
 */
const ASIDE = '.newsprint-old-';

export function emptyOutDirHooks() {
  let outDir = '';
  let removal: Promise<void> | undefined;
  return {
    configDone({ config }: HookParameters<'astro:config:done'>) {
      outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
    },
    async buildStart({ logger }: HookParameters<'astro:build:start'>) {
      if (!outDir) return;
      const parent = path.dirname(outDir);
      const aside = `${path.basename(outDir)}${ASIDE}`;
      // Folders an interrupted build left aside go too.
      const left = (await readdir(parent).catch(() => [])).filter((name) => name.startsWith(aside)).map((name) => path.join(parent, name));
      const target = path.join(parent, `${aside}${process.pid}`);
      try {
        await rename(outDir, target);
        left.push(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') logger.fork('newsprint').debug(`dist/ not renamed aside (${code}); Astro empties it.`);
      }
      removal = Promise.all(left.map((dir) => rm(dir, { recursive: true, force: true }))).then(() => undefined);
    },
    async buildDone() {
      await removal;
      removal = undefined;
    },
  };
}
