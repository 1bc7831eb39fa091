import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'satori';
import { readFontMetrics, type FontMetrics } from './sfnt.ts';

/**
 * The card fonts: read once per process, handed to satori as the same array on every call
 * (satori caches parsed fonts by the array's identity; parsing a CJK font costs ~350 ms), and
 * measured with their own `cmap`/`hmtx` so line breaking matches what satori draws.
 */

/**
 * The faces the cards use, by role. Two only: satori parses every font it is given on the first card (~250 ms and ~100 MB
 * each for a CJK font), so a third weight costs more than it adds.
 */
export type FaceName = 'serif-bold' | 'sans-regular';

/** Font file paths by face; the default is the Noto SC static TTFs Newsprint depends on. */
export type FontFiles = Record<FaceName, string>;

export const FACES: Record<FaceName, { family: string; weight: 400 | 700 }> = {
  // Aliases, not the fonts' own names (Noto Serif SC, Noto Sans SC): satori and Skia (skia.ts)
  // both know the files under these names, and no font installed on a machine has them.
  'serif-bold': { family: 'Newsprint Card Serif', weight: 700 },
  'sans-regular': { family: 'Newsprint Card Sans', weight: 400 },
};

/** The CSS font family and weight of a face, for the card templates. */
export const faceStyle = (face: FaceName) => ({ fontFamily: FACES[face].family, fontWeight: FACES[face].weight });

/**
 * The bundled fonts' paths, resolved from this package (not from the site), so the cards look
 * the same on every site. Call it where this file runs unbundled (the integration, scripts).
 */
export function defaultFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  return {
    'serif-bold': require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
    'sans-regular': require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  };
}

export interface CardFonts {
  /** The array satori gets; the same object on every call. */
  satori: Font[];
  /** Metrics by face, for measuring and glyph checks. */
  metrics: Record<FaceName, FontMetrics>;
  /** SHA-256 of every font file's bytes: part of each card's cache key. */
  digest: string;
}

const loaded = new Map<string, Promise<CardFonts>>();

async function load(files: FontFiles): Promise<CardFonts> {
  const names = Object.keys(FACES) as FaceName[];
  const bytes = await Promise.all(
    names.map((name) =>
      readFile(files[name]).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`The share-card font "${files[name]}" (${name}) cannot be read (${error.code ?? error.message}); reinstall the dependencies with \`npm install\`.`);
      }),
    ),
  );
  const hash = createHash('sha256');
  const satori: Font[] = [];
  const metrics = {} as Record<FaceName, FontMetrics>;
  names.forEach((name, i) => {
    const data = bytes[i]!;
    hash.update(`${name}:${data.length}:`).update(data);
    satori.push({ name: FACES[name].family, weight: FACES[name].weight, style: 'normal', data });
    metrics[name] = readFontMetrics(data);
  });
  return { satori, metrics, digest: hash.digest('hex') };
}

/** The fonts for `files`, loaded once per process and shared by every card. */
export function loadFonts(files: FontFiles = defaultFontFiles()): Promise<CardFonts> {
  const key = JSON.stringify(files);
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = load(files);
    loaded.set(key, fonts);
    fonts.catch(() => loaded.delete(key));
  }
  return fonts;
}

/**
 * The faces satori tries for a character of `face`: the face itself, then the others in the
 * order of the fonts array (satori's fallback for a glyph the first font lacks).
 */
export function fallbackChain(face: FaceName): FaceName[] {
  return [face, ...(Object.keys(FACES) as FaceName[]).filter((f) => f !== face)];
}
