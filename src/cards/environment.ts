import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { defaultEmojiDir } from './emoji.ts';
import { defaultFontFiles, type FontFiles } from './fonts.ts';

/**
 * Where the card renderer finds its fonts, emoji and cache, and which renderer versions it
 * runs. Resolved where this file runs unbundled (the integration, scripts, tests) and passed
 * as plain data to code that Vite bundles into the build, where `import.meta.url` moves.
 */
export interface CardEnvironment {
  fontFiles: FontFiles;
  emojiDir: string;
  /** The folder of cached PNGs; created on first write. */
  cacheDir: string;
  /**
   * satori, @napi-rs/canvas (Skia), sharp, libvips and Twemoji versions, and a digest of the card code itself
   * (src/cards, the line-breaking rules in src/typeset, src/model and the palette in src/design): a change to any may change pixels.
   */
  renderers: string;
}

function packageVersion(file: string): string {
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
}

/**
 * SHA-256 of the sources that decide a card's pixels, so an edit to the templates or the
 * phrase rules invalidates the cache even if nobody remembers to bump DESIGN_VERSION.
 */
function sourceDigest(): string {
  const here = import.meta.dirname;
  const hash = createHash('sha256');
  for (const dir of [here, path.join(here, '../typeset'), path.join(here, '../model'), path.join(here, '../design')]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      hash.update(`${path.basename(dir)}/${file}\0`).update(readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The default environment, with the cache under `cacheDir` (Astro's `cacheDir` in a build). */
export function cardEnvironment(cacheDir: string): CardEnvironment {
  const require = createRequire(import.meta.url);
  const emojiDir = defaultEmojiDir();
  const versions = sharp.versions as Record<string, string | undefined>;
  return {
    fontFiles: defaultFontFiles(),
    emojiDir,
    cacheDir: path.join(cacheDir, 'newsprint-cards'),
    renderers: [
      `satori@${packageVersion(require.resolve('satori/package.json'))}`,
      `@napi-rs/canvas@${packageVersion(require.resolve('@napi-rs/canvas/package.json'))}`,
      `sharp@${versions.sharp ?? 'unknown'}`,
      `vips@${versions.vips ?? 'unknown'}`,
      `twemoji@${packageVersion(path.join(emojiDir, 'package.json'))}`,
      `code@${sourceDigest()}`,
    ].join(' '),
  };
}
