import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';

/**
 * Keeping `dist/` between incremental builds.
 *
 * Astro empties `outDir` at the start of every build and then copies every path it skips back
 * from its incremental cache (`node_modules/.astro/dist/`). At a year's archive that is about
 * 61,000 files removed and 41,655 copied on every daily build, 50 of its 100 seconds (README,
 * "Publishing every day"). With Vite's `build.emptyOutDir: false`, Astro leaves `dist/` as it is,
 * and a skipped path whose file is already there is only checked for (`(cached)` in the log,
 * astro/dist/core/build/generate.js), not copied. Two things are then this file's job, so that
 * the kept `dist/` is byte for byte what a build into an empty one writes:
 *
 * 1. **`dist/` must be what the last build wrote.** Astro trusts a file it finds there when the
 *    path's key matches its manifest, so a build that failed halfway (files written, manifest
 *    not) must not leave its files behind. A stamp in the cache folder holds the digest of
 *    Astro's manifest: removed when a build starts, written when it ends. At the start of a
 *    build without a stamp that matches, `dist/` is emptied, as Astro would have.
 * 2. **What the build no longer makes is removed.** At the end of a build, a file of `dist/` that
 *    is neither an output of one of this build's paths (Astro's `assets`, which lists the
 *    skipped paths too) nor written during this build (modified after the build began: the
 *    client bundles, `public/`, the sitemap) is stale (a deleted article's page and card, an
 *    old script bundle), and is removed with any folder it leaves empty. Folders a later step
 *    replaces whole (the search index) are left to it.
 */

const STAMP = 'newsprint-dist-stamp.json';
/** Astro's incremental manifest, in its cache folder (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';

interface Stamp {
  outDir: string;
  manifest: string;
}

async function digestOf(file: string): Promise<string | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && createHash('sha256').update(bytes).digest('hex');
}

async function readStamp(file: string): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Removes everything inside `dir` but `dir` itself (and a `.git` folder, as Astro's emptyDir spares). */
async function empty(dir: string): Promise<number> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const gone = entries.filter((e) => e !== '.git');
  await Promise.all(gone.map((e) => rm(path.join(dir, e), { recursive: true, force: true })));
  return gone.length;
}

export interface KeepDist {
  /** Vite settings for `astro:config:setup`: keep `dist/` only when Astro's incremental build is on. */
  viteConfig(config: AstroConfig): { build?: { emptyOutDir: false } };
  configDone(config: AstroConfig): void;
  buildStart(logger: AstroIntegrationLogger): Promise<void>;
  /** Removes what this build did not make; `owned` are top-level folders a later step replaces whole. */
  prune(assets: Map<string, URL[]>, logger: AstroIntegrationLogger, owned: string[]): Promise<void>;
  /** Stamps `dist/` as the last finished build's: call it last, once every step has written its files. */
  finish(): Promise<void>;
}

export function keepDist(): KeepDist {
  let enabled = false;
  let outDir = '';
  let cacheDir = '';
  /** A file's modification time at or after this (ns) means this build wrote it. */
  let began = 0n;

  const stampFile = () => path.join(cacheDir, STAMP);

  return {
    viteConfig(config) {
      enabled = config.experimental?.incrementalBuild === true;
      return enabled ? { build: { emptyOutDir: false } } : {};
    },
    configDone(config) {
      outDir = fileURLToPath(config.outDir);
      cacheDir = fileURLToPath(config.cacheDir);
    },
    async buildStart(logger) {
      const stamp = await readStamp(stampFile());
      await rm(stampFile(), { force: true });
      if (!enabled) return;
      const manifest = await digestOf(path.join(cacheDir, MANIFEST));
      if (!stamp || stamp.outDir !== outDir || !manifest || stamp.manifest !== manifest) {
        const removed = await empty(outDir);
        if (removed > 0) logger.info(`dist/ emptied: it was not written by the last finished build (${removed} entries).`);
      }
      // The build's own clock is the file system's: a marker's time, not Date.now(), so that
      // a coarse file-system clock cannot date this build's writes before it began.
      const marker = path.join(cacheDir, `${STAMP}.began`);
      await writeFile(marker, '');
      began = (await stat(marker, { bigint: true })).mtimeNs;
      await rm(marker, { force: true });
      if (began % 1_000_000_000n === 0n) {
        // A clock of whole seconds: wait into the next second, so a file written in this
        // second by the last build cannot pass as this build's.
        await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 10));
        began += 1_000_000_000n;
      }
    },
    async prune(assets, logger, owned) {
      if (!enabled) return;
      const outputs = new Set<string>();
      for (const urls of assets.values()) for (const url of urls) outputs.add(fileURLToPath(url));
      const skip = new Set(owned.map((o) => path.join(outDir, o)));
      let removed = 0;
      const sweep = async (dir: string): Promise<boolean> => {
        let left = 0;
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const file = path.join(dir, entry.name);
          if (skip.has(file) || entry.name === '.git') left++;
          else if (entry.isDirectory()) (await sweep(file)) ? left++ : await rmdir(file);
          else if (outputs.has(file) || (await stat(file, { bigint: true })).mtimeNs >= began) left++;
          else {
            await rm(file, { force: true });
            removed++;
          }
        }
        return left > 0;
      };
      await sweep(outDir);
      if (removed > 0) logger.info(`dist/: ${removed} file(s) the build no longer makes removed.`);
    },
    async finish() {
      if (!enabled) return;
      const manifest = await digestOf(path.join(cacheDir, MANIFEST));
      if (manifest) await writeFile(stampFile(), `${JSON.stringify({ outDir, manifest } satisfies Stamp)}\n`);
    },
  };
}
