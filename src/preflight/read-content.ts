import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { isRealIsoDate } from '../schemas/common.ts';
import { parseBody, type BodySection } from '../model/body.ts';
import { slugFromFileName } from '../model/urls.ts';
import { comparePageNumbers } from '../model/page-order.ts';
import { placeOf, type FileProblem } from '../errors/problem-report.ts';
import { validateFields } from '../loaders/validate-fields.ts';
import { parseYamlSource, splitFrontMatter } from '../loaders/yaml-source.ts';
import { problem, type Problem } from './problem.ts';

/**
 * Reads the content folder for the pre-press check with the loaders' own pieces (the same
 * YAML reader, schemas, body parser and slugs), without Astro: plain files in, plain data out,
 * and a problem instead of an exception for a file the site cannot use, so one bad file does
 * not hide every other problem of the issue. Fields a site declares of its own
 * (`articlesLoader({ fields })`) are not known here, so unknown top-level fields are left to
 * the build, which knows them.
 */

const PAGE_SCHEMA = pageSchema.loose();
const ARTICLE_SCHEMA = articleSchema.loose();

export interface SourceFile {
  /** Path relative to the project root, with forward slashes (what reports name). */
  file: string;
  /** The file's text, for line numbers. */
  text: string;
}

export interface PreflightArticle extends SourceFile {
  slug: string;
  data: ArticleData;
  sections: BodySection[];
  /** Body paragraphs in reading order (no section heads), as the page view's `<p>`s. */
  paragraphs: string[];
  isMdx: boolean;
}

export interface PreflightPage extends SourceFile {
  date: string;
  data: PageData;
  /** The page's articles in reading order. */
  articles: PreflightArticle[];
}

export interface ContentRead {
  pages: PreflightPage[];
  /** Files that failed their schema (`invalid-content`). */
  problems: Problem[];
}

/** 1-based line of the first occurrence of `needle` in `text`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  if (!needle) return undefined;
  const at = text.indexOf(needle, from);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** `invalid-content`: what the build would stop on, with the loader's own message. */
function invalid(file: string, page: string, problems: readonly FileProblem[]): Problem {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return problem('invalid-content', {
    file,
    page,
    ...(first.line !== undefined ? { line: first.line } : {}),
    message: `The build stops on this file: ${placeOf(first)}${first.message}${more} Run \`npm run build\` for the full list.`,
  });
}

/** Reads the issues of `contentDir` (all, or only `date`'s) under the project `root`. */
export async function readContent(root: string, contentDir: string, date?: string): Promise<ContentRead> {
  const problems: Problem[] = [];
  const pages: PreflightPage[] = [];
  const folders = (await readdir(contentDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && isRealIsoDate(d.name) && (date === undefined || d.name === date))
    .map((d) => d.name)
    .sort();
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const read = async (abs: string) => (await readFile(abs, 'utf8')).replace(/\r\n?/g, '\n');
  for (const folder of folders) {
    const dir = path.join(contentDir, folder);
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    const byNumber = new Map<string, PreflightPage>();
    for (const name of names.filter((n) => /\.ya?ml$/i.test(n))) {
      const file = rel(path.join(dir, name));
      const text = await read(path.join(dir, name));
      const pageId = `${folder}/${name.replace(/\.ya?ml$/i, '')}`;
      const source = parseYamlSource(text);
      const result = 'problems' in source ? source : validateFields(PAGE_SCHEMA, source, 'number');
      if ('problems' in result) {
        problems.push(invalid(file, pageId, result.problems));
        continue;
      }
      const data = result.data as PageData;
      byNumber.set(data.number, { file, text, date: folder, data, articles: [] });
    }
    for (const name of names.filter((n) => /\.mdx?$/i.test(n))) {
      const file = rel(path.join(dir, name));
      const text = await read(path.join(dir, name));
      const split = splitFrontMatter(text);
      const source = 'problems' in split ? split : parseYamlSource(split.yaml, split.yamlLine);
      const result = 'problems' in source ? source : validateFields(ARTICLE_SCHEMA, source, 'page');
      if ('problems' in result) {
        // The page it names, when it names one, so the report groups it with its page.
        const named = 'problems' in source ? undefined : (source.data as { page?: unknown } | null)?.page;
        problems.push(invalid(file, `${folder}/${typeof named === 'string' || typeof named === 'number' ? named : '?'}`, result.problems));
        continue;
      }
      const data = result.data as ArticleData;
      const page = byNumber.get(data.page);
      if (!page) {
        problems.push(invalid(file, `${folder}/${data.page}`, [{ message: `there is no page ${data.page} in the issue of ${folder}; create ${path.posix.dirname(file)}/${data.page}.yaml or correct the page number.` }]));
        continue;
      }
      const ext = path.extname(name);
      const slug = data.slug ?? slugFromFileName(path.basename(name, ext), data.page);
      if (slug === undefined) {
        problems.push(invalid(file, `${folder}/${data.page}`, [{ line: 1, message: `the file name ${name} gives the article no readable address; rename the file or add a \`slug\`.` }]));
        continue;
      }
      const isMdx = ext.toLowerCase() === '.mdx';
      const sections = isMdx || 'problems' in split ? [] : parseBody(split.body);
      page.articles.push({ file, text, slug, data, sections, paragraphs: sections.flatMap((s) => s.paragraphs), isMdx });
    }
    const ordered = [...byNumber.values()].sort((a, b) => comparePageNumbers(a.data.number, b.data.number));
    for (const page of ordered) page.articles.sort((a, b) => a.data.order - b.data.order);
    pages.push(...ordered);
  }
  return { pages, problems };
}

/** `YYYY-MM-DD/PAGE` */
export const pageId = (page: PreflightPage) => `${page.date}/${page.data.number}`;
/** `YYYY-MM-DD/PAGE/slug` */
export const articleId = (page: PreflightPage, article: PreflightArticle) => `${pageId(page)}/${article.slug}`;
