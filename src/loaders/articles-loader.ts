import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import { ContentError, describeIssues } from './content-error.ts';
import { displayPath, issueFolderOf, pageExists } from './content-files.ts';
import type { ContentLoaderOptions } from './pages-loader.ts';

/**
 * Loads every article (`<date>/*.md`, or `.mdx` for hand-made ones) of the content folder,
 * checking each against the article schema, that its page exists, and that no two articles
 * of a page share an order.
 */
export function articlesLoader({ base = './content' }: ContentLoaderOptions = {}): Loader {
  // Newsprint renders `.md` bodies itself, as escaped text (see ArticleBody.astro); Astro's
  // own rendering is only used for hand-made `.mdx` articles.
  const inner = glob({ pattern: '*/*.{md,mdx}', base });
  return {
    name: 'newsprint-articles',
    schema: articleSchema,
    async load(context) {
      const root = fileURLToPath(context.config.root);
      await inner.load({
        ...context,
        async parseData(props) {
          const absolute = props.filePath ?? props.id;
          const file = displayPath(root, absolute);
          const result = articleSchema.safeParse(props.data);
          if (!result.success) throw new ContentError(file, describeIssues(result.error));
          const { folder, valid } = issueFolderOf(absolute);
          if (!valid) {
            throw new ContentError(file, [
              `the issue folder \`${folder}\` is not a real date: name each issue folder YYYY-MM-DD, for example 2023-07-02`,
            ]);
          }
          if (!pageExists(absolute, result.data.page)) {
            throw new ContentError(file, [
              `field \`page\`: there is no page ${result.data.page} in the issue of ${folder}; create ${folder}/${result.data.page}.yaml or correct the page number`,
            ]);
          }
          return context.parseData(props);
        },
      });
      const entries = [...context.store.values()];
      checkUniqueOrder(entries, root);
      // After the load, not in parseData: unchanged files come from the cache and are not parsed again.
      for (const entry of entries) {
        (entry.data as ArticleData).figures.forEach((figure, index) => {
          if (!figure.image) {
            context.logger.warn(
              `${entry.filePath}: figure ${index + 1} has no image file; the page shows a neutral frame with its caption. Add \`image\` to the figure when the photo is available.`,
            );
          }
        });
      }
    },
  };
}

/** Stops the build when two articles of one page claim the same order or URL slug. */
function checkUniqueOrder(entries: Iterable<{ data: Record<string, unknown>; filePath?: string }>, root: string) {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const data = entry.data as ArticleData;
    const filePath = entry.filePath ?? '';
    const folder = path.basename(path.dirname(filePath));
    const key = `${folder}/${data.page}#${data.order}`;
    const other = seen.get(key);
    const file = displayPath(root, path.resolve(root, filePath));
    if (other) {
      throw new ContentError(file, [
        `field \`order\`: ${data.order} is also the order of ${other} on page ${data.page}; give each article of a page its own order (1 for the lead article)`,
      ]);
    }
    seen.set(key, file);
    const slug = data.slug ?? String(data.order);
    const slugKey = `${folder}/${data.page}/${slug}`;
    const sameSlug = seen.get(slugKey);
    if (sameSlug) {
      throw new ContentError(file, [
        `field \`slug\`: ${slug} is also the address of ${sameSlug} on page ${data.page}; give each article of a page its own slug`,
      ]);
    }
    seen.set(slugKey, file);
  }
}
