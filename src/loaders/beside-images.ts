/**
 * The figure images kept next to their articles (`image: ./photo.jpg`), by the path they are
 * published under (`2024-03-04/photo.jpg`), as the last load of the articles found them. The
 * build copies them into the site (src/integration/beside-images.ts) and the preview serves
 * them from where they are. The articles loader runs in the content layer and the
 * integration's hooks outside it, in one process, so the list lives on `globalThis` under a
 * registered symbol.
 */

const KEY = Symbol.for('newsprint.beside-images');

type Scope = typeof globalThis & { [KEY]?: ReadonlyMap<string, string> };

/** Replaces the list with the images of the last load: published path → file on disk. */
export function postBesideImages(images: ReadonlyMap<string, string>): void {
  (globalThis as Scope)[KEY] = new Map(images);
}

/** The images of the last load, published path → file on disk. */
export function besideImages(): ReadonlyMap<string, string> {
  return (globalThis as Scope)[KEY] ?? new Map();
}
