import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { ViteDevServer } from 'vite';
import { besideImages } from '../loaders/beside-images.ts';

/**
 * Figure images kept next to their articles (`image: ./photo.jpg`) are published under their
 * issue's folder (`<base>2024-03-04/photo.jpg`): copied into the built site at the end of the
 * build, and served from the content folder by the preview. The loader has already checked
 * that each is an image file and that no file of `public/` has its place.
 */

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

const exists = (file: string) => stat(file).then(() => true, () => false);

/** Copies every image next to an article into the built site `dir`; each file is written whole, then renamed into place. */
export async function copyBesideImages(dir: URL, root: URL): Promise<number> {
  const out = fileURLToPath(dir);
  for (const [published, source] of besideImages()) {
    const target = path.join(out, ...published.split('/'));
    if (await exists(target)) {
      throw new AstroError(
        `The image ${path.relative(fileURLToPath(root), source)} would be published as ${published}, where the site already has a file of its own (a share card or a page).`,
        'Rename the image, or move it out of the folder that has the name of a page, and build again.',
      );
    }
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await copyFile(source, partial);
    await rename(partial, target);
  }
  return besideImages().size;
}

/** Serves the images next to articles in the preview, under the site's base path. */
export function serveBesideImages(server: ViteDevServer, base: string): void {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  server.middlewares.use((req, res, next) => {
    const url = (req.url ?? '').split('?')[0]!;
    // Astro's own dev middleware has usually taken the base off the URL already.
    let candidates: string[];
    try {
      candidates = [url.startsWith(prefix) ? url.slice(prefix.length) : undefined, url.replace(/^\//, '')].filter((c): c is string => c !== undefined).map(decodeURIComponent);
    } catch {
      return next();
    }
    const source = candidates.map((c) => besideImages().get(c)).find(Boolean);
    if (!source) return next();
    res.setHeader('Content-Type', TYPES[path.extname(source).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(source).on('error', () => next()).pipe(res);
  });
}
