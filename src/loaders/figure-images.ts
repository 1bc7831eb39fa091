import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRemoteAllowed } from 'astro/assets/utils';
import type { LoaderContext } from 'astro/loaders';
import type { FileProblem } from '../errors/problem-report.ts';
import { besidePath, parseImageRef } from '../model/urls.ts';
import type { ArticleData } from '../schemas/article.ts';
import type { ContentFile } from './content-files.ts';

/** Image formats a browser shows in an `<img>`: what a file next to an article may be. */
const IMAGE_EXTS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg']);

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Every figure `image` must be a file the build has: under `public/`, or next to the article
 * (`./photo.jpg`, published under the folder: src/loaders/beside-images.ts), both
 * checked on every load since a deleted photo does not change the article; or an https://
 * address on a host the site allows with Astro's own `image.domains` / `image.remotePatterns`.
 * Anything else (a missing file, `..`, `//host/…`, `http:`, `javascript:`) stops the build: a
 * figure never ships as a broken-image icon or a request to another host. `beside` collects
 * the files next to articles that pass, by their published path.
 */
export function figureImageProblems(
  data: ArticleData,
  config: LoaderContext['config'],
  file: ContentFile,
  beside: Map<string, string>,
): { index: number; problem: FileProblem }[] {
  const problems: { index: number; problem: FileProblem }[] = [];
  const publicDir = fileURLToPath(config.publicDir);
  const shownPublic = path.relative(fileURLToPath(config.root), publicDir).split(path.sep).join('/') || 'public';
  data.figures.forEach((figure, index) => {
    if (!figure.image) return;
    const field = `\`image\` of figure ${index + 1}`;
    const ref = parseImageRef(figure.image);
    if (ref.kind === 'invalid') {
      problems.push({ index, problem: { message: `${field} (${figure.image}) cannot be used: ${ref.reason}. Put the image next to the article and write image: "./photo.jpg", or put it in ${shownPublic}/ and write its path there, for example image: "2024-03-04/photo.jpg".` } });
    } else if (ref.kind === 'remote') {
      if (!isRemoteAllowed(ref.url, { domains: config.image.domains, remotePatterns: config.image.remotePatterns })) {
        problems.push({
          index,
          problem: {
            message: `${field} is on ${ref.host}, a host this site does not allow images from; copy the image into ${shownPublic}/ and give its path, or allow the host in astro.config.mjs with image: { domains: ['${ref.host}'] }.`,
          },
        });
      }
    } else if (ref.kind === 'beside') {
      const folder = path.dirname(file.absolute);
      const source = path.join(folder, ...ref.path.split('/'));
      const shown = `${path.dirname(file.display)}/${ref.path}`;
      const published = besidePath(file.folder, ref.path);
      if (!IMAGE_EXTS.has(path.extname(source).toLowerCase())) {
        problems.push({ index, problem: { message: `${field} is ${shown}, which is not an image a browser can show; use a JPEG, PNG, WebP, AVIF, GIF or SVG file.` } });
      } else if (!isFile(source)) {
        problems.push({ index, problem: { message: `${field} is ${shown}, next to the article, and there is no such file; put the image there, correct the path, or delete the \`image\` line to show the caption in a neutral frame.` } });
      } else if (isFile(path.join(publicDir, ...published.split('/')))) {
        problems.push({
          index,
          problem: { message: `${field} is ${shown}, which would be published as ${published}, but ${shownPublic}/${published} is there too; keep one of the two files, or rename one.` },
        });
      } else {
        beside.set(published, source);
      }
    } else {
      if (!isFile(path.join(publicDir, ...ref.path.split('/')))) {
        problems.push({ index, problem: { message: `${field} is ${shownPublic}/${ref.path}, and there is no such file; put the image there, correct the path, or delete the \`image\` line to show the caption in a neutral frame.` } });
      }
    }
  });
  return problems;
}
