import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRemoteAllowed } from 'astro/assets/utils';
import type { LoaderContext } from 'astro/loaders';
import type { FileProblem } from '../errors/problem-report.ts';
import { parseImageRef } from '../model/urls.ts';
import type { ArticleData } from '../schemas/article.ts';

/**
 * Every figure `image` must be a file the build has: under `public/` (checked on every load,
 * since a deleted photo does not change the article), or an https:// address on a host the
 * site allows with Astro's own `image.domains` / `image.remotePatterns`. Anything else (a
 * missing file, `..`, `//host/…`, `http:`, `javascript:`) stops the build: a figure never
 * ships as a broken-image icon or a request to another host.
 */
export function figureImageProblems(data: ArticleData, config: LoaderContext['config']): { index: number; problem: FileProblem }[] {
  const problems: { index: number; problem: FileProblem }[] = [];
  const publicDir = fileURLToPath(config.publicDir);
  const shownPublic = path.relative(fileURLToPath(config.root), publicDir).split(path.sep).join('/') || 'public';
  data.figures.forEach((figure, index) => {
    if (!figure.image) return;
    const field = `\`image\` of figure ${index + 1}`;
    const ref = parseImageRef(figure.image);
    if (ref.kind === 'invalid') {
      problems.push({ index, problem: { message: `${field} (${figure.image}) cannot be used: ${ref.reason}. Put the image in ${shownPublic}/ and write its path there, for example image: "2024-03-04/photo.jpg".` } });
    } else if (ref.kind === 'remote') {
      if (!isRemoteAllowed(ref.url, { domains: config.image.domains, remotePatterns: config.image.remotePatterns })) {
        problems.push({
          index,
          problem: {
            message: `${field} is on ${ref.host}, a host this site does not allow images from; copy the image into ${shownPublic}/ and give its path, or allow the host in astro.config.mjs with image: { domains: ['${ref.host}'] }.`,
          },
        });
      }
    } else {
      const file = path.join(publicDir, ...ref.path.split('/'));
      let isFile = false;
      try {
        isFile = statSync(file).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile) {
        problems.push({ index, problem: { message: `${field} is ${shownPublic}/${ref.path}, and there is no such file; put the image there, correct the path, or delete the \`image\` line to show the caption in a neutral frame.` } });
      }
    }
  });
  return problems;
}
