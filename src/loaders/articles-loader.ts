import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { FileProblem } from '../errors/problem-report.ts';
import { slugFromFileName } from '../model/urls.ts';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import { withFields } from '../schemas/records.ts';
import { collectionLoad, type ParsedEntry } from './collection-sync.ts';
import type { ContentFile } from './content-files.ts';
import { figureImageProblems } from './figure-images.ts';
import { postBesideImages } from './beside-images.ts';
import type { ContentLoaderOptions } from './pages-loader.ts';
import { locateInFile, validateFields } from './validate-fields.ts';
import { reportRepeated, type RepeatedWarning } from './warning-summary.ts';
import { parseYamlSource, splitFrontMatter } from './yaml-source.ts';

/** An article as stored: its slug is always set (from the file name unless given). */
export type ArticleEntryData = ArticleData & { slug: string };

/**
 * Loads every article (`<date>/*.md`, or `.mdx` for hand-made ones) of the content folder.
 * Its entry id is `<date>/<page>/<slug>`, unique by construction: a slug may repeat across
 * pages and issues (a daily `weather`), and two articles of one page with one slug or one
 * order stop the build, naming both files.
 */
export function articlesLoader({ base = './content', fields }: ContentLoaderOptions = {}): Loader {
  const schema = withFields(articleSchema, fields);
  const load = collectionLoad<ArticleEntryData>(base, {
    exts: ['.md', '.mdx'],
    parse(file, text) {
      const split = splitFrontMatter(text);
      if ('problems' in split) return split;
      const source = parseYamlSource(split.yaml, split.yamlLine);
      if ('problems' in source) return source;
      const result = validateFields(schema, source, 'page');
      if ('problems' in result) return result;
      const data = result.data as ArticleData;
      const slug = data.slug ?? slugFromFileName(file.stem, data.page);
      if (slug === undefined) {
        return {
          problems: [
            {
              line: 1,
              message: `the file name ${file.stem}${file.ext} gives the article no readable address (URLs use lower-case ASCII letters, digits and hyphens); rename the file, for example ${data.page}-${data.order}${file.ext}, or add a field such as slug: "lantern-festival".`,
            },
          ],
        };
      }
      return {
        id: `${file.folder}/${data.page}/${slug}`,
        data: { ...data, slug },
        body: split.body,
        deferredRender: file.ext === '.mdx' ? true : undefined,
      };
    },
    check(entries, { allFiles, config }) {
      const problems = new Map<ContentFile, FileProblem[]>();
      const add = (file: ContentFile, problem: FileProblem) => problems.set(file, [...(problems.get(file) ?? []), problem]);
      const beside = new Map<string, string>();
      // The page files of each issue folder, grouped once (filtering all of them per article was
      // 50 million comparisons for a year, profiled).
      const pagesByFolder = new Map<string, ContentFile[]>();
      for (const f of allFiles) if (f.ext === '.yaml' || f.ext === '.yml') pagesByFolder.set(f.folder, [...(pagesByFolder.get(f.folder) ?? []), f]);
      const samePage = new Map<string, ParsedEntry<ArticleEntryData>[]>();
      for (const entry of entries) {
        const { file, data } = entry;
        const inIssue = pagesByFolder.get(file.folder) ?? [];
        if (!inIssue.some((f) => f.stem === data.page)) {
          const near = inIssue.find((f) => f.stem.toLowerCase() === data.page.toLowerCase());
          add(file, {
            ...locateInFile(file.absolute, ['page']),
            message: near
              ? `\`page\` says ${data.page}, but the page of this issue is ${near.stem} (${near.display}); write page: "${near.stem}", with the same capitals.`
              : `there is no page ${data.page} in the issue of ${file.folder}; create ${path.dirname(file.display)}/${data.page}.yaml or correct the page number.`,
          });
        }
        const key = `${file.folder}/${data.page}`;
        samePage.set(key, [...(samePage.get(key) ?? []), entry]);
        for (const { index, problem } of figureImageProblems(data, config, file, beside)) add(file, { ...locateInFile(file.absolute, ['figures', index, 'image']), ...problem });
      }
      for (const [key, list] of samePage) {
        const page = key.split('/')[1];
        for (const entry of list) {
          const sameOrder = list.filter((e) => e !== entry && e.data.order === entry.data.order);
          if (sameOrder.length > 0) {
            add(entry.file, {
              ...locateInFile(entry.file.absolute, ['order']),
              message: `\`order\` ${entry.data.order} is also the order of ${sameOrder.map((e) => e.file.display).join(' and ')} on page ${page}; give each article of a page its own order (1 for the lead article).`,
            });
          }
          const sameSlug = list.filter((e) => e !== entry && e.data.slug === entry.data.slug);
          if (sameSlug.length > 0) {
            add(entry.file, {
              message: `its address ${entry.data.slug} (its \`slug\`, or else its file name) is also the address of ${sameSlug.map((e) => e.file.display).join(' and ')} on page ${page}; give one of them another \`slug\`, or rename its file.`,
            });
          }
        }
      }
      postBesideImages(beside);
      return problems;
    },
    watchPaths: (config) => [fileURLToPath(config.publicDir)],
  });
  return {
    name: 'newsprint-articles',
    schema,
    async load(context) {
      await load(context);
      await warnAboutMissingImages(context);
    },
  };
}

/**
 * A figure without an image is allowed (transcripts rarely have photos), but worth saying.
 * Summarised at archive scale (warning-summary.ts); the full list goes to Astro's cache folder.
 */
async function warnAboutMissingImages(context: Parameters<Loader['load']>[0]) {
  const missing: RepeatedWarning[] = [];
  for (const entry of context.store.values()) {
    (entry.data as ArticleData).figures.forEach((figure, index) => {
      if (!figure.image) {
        missing.push({
          file: entry.filePath ?? entry.id,
          message: `${entry.filePath}: figure ${index + 1} has no image file; the page shows a neutral frame with its caption. Add \`image\` to the figure when the photo is available.`,
        });
      }
    });
  }
  const kind = {
    id: 'figure-without-image',
    summary: (count: number) =>
      `${count} figures have no image file; their pages show a neutral frame with the caption. Add \`image\` to a figure when its photo is available.`,
  };
  await reportRepeated(context.logger, kind, missing, path.join(fileURLToPath(context.config.cacheDir), 'newsprint-warnings'));
}
