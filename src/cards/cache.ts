import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DESIGN_VERSION } from './design.ts';
import type { CardInput } from './inputs.ts';
import { PNG_OPTIONS } from './render.ts';

/**
 * The on-disk card cache, after astro-og-canvas: a card is stored under the hash of everything
 * that changes its pixels — the card's text (the whole input), the design version, the PNG
 * settings, the bytes of every font, and the renderer versions. Same key, same bytes; a key
 * that is not found is rendered and written. Old entries are never read again and may be
 * deleted with the cache folder at any time.
 */

export interface KeyParts {
  /** SHA-256 of the font files (`CardFonts.digest`). */
  fontDigest: string;
  /** `CardEnvironment.renderers`. */
  renderers: string;
}

/** The cache key of a card. */
export function cardKey(input: CardInput, parts: KeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify({ design: DESIGN_VERSION, png: PNG_OPTIONS, ...parts, input }))
    .digest('hex');
}

/** Entries are spread over 256 folders so no folder grows huge on big sites. */
export const cachePath = (dir: string, key: string) => path.join(dir, key.slice(0, 2), `${key}.png`);

/** The cached PNG for `key`, or undefined. */
export async function readCached(dir: string, key: string): Promise<Buffer | undefined> {
  try {
    return await readFile(cachePath(dir, key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Stores a PNG. It is written to a temporary name and renamed, so a build that is stopped
 * halfway, or two builds at once, never leave a truncated card under a valid key.
 */
export async function writeCached(dir: string, key: string, png: Buffer): Promise<void> {
  const file = cachePath(dir, key);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
}
