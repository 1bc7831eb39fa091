import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Emoji on cards come from Twemoji's SVG files bundled in `@twemoji/svg` (read from disk, never
 * fetched): the Noto SC fonts have no emoji glyphs, and satori would draw an empty box.
 */

/** The folder of the bundled Twemoji SVGs, resolved from this package. */
export function defaultEmojiDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));
}

/** A whole emoji as Unicode defines it (UTS #51 RGI set), including ZWJ sequences and flags. */
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;

/** True when the grapheme is an emoji that should be drawn as a colour image. */
export const isEmoji = (grapheme: string) => RGI_EMOJI.test(grapheme);

const fileLists = new Map<string, Set<string>>();

function filesIn(dir: string): Set<string> {
  let files = fileLists.get(dir);
  if (!files) {
    try {
      files = new Set(readdirSync(dir).filter((f) => f.endsWith('.svg')));
    } catch {
      throw new Error(`The emoji images folder "${dir}" cannot be read; reinstall the dependencies with \`npm install\` (package @twemoji/svg).`);
    }
    fileLists.set(dir, files);
  }
  return files;
}

/**
 * The Twemoji file of a grapheme, if the set has one. Twemoji names files by code points in
 * hex joined with `-`, and drops U+FE0F (emoji presentation selector) from most names: try the
 * name with it, then without.
 */
export function emojiFile(grapheme: string, dir: string): string | undefined {
  const points = Array.from(grapheme, (c) => c.codePointAt(0)!.toString(16));
  const files = filesIn(dir);
  for (const name of [points.join('-'), points.filter((p) => p !== 'fe0f').join('-')]) {
    if (files.has(`${name}.svg`)) return path.join(dir, `${name}.svg`);
  }
  return undefined;
}

const dataUris = new Map<string, string>();

/** The emoji's SVG as a data URI, which satori places as an image in the text run. */
export function emojiDataUri(file: string): string {
  let uri = dataUris.get(file);
  if (!uri) {
    uri = `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}`;
    dataUris.set(file, uri);
  }
  return uri;
}
