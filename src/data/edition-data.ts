import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from '../schemas/article.ts';
import type { PageData } from '../schemas/page.ts';
import { parseBody, type BodySection } from '../model/body.ts';
import { comparePageNumbers } from '../model/page-order.ts';
import { throwContentProblems } from '../loaders/problem-board.ts';
import { issueNeighbours, type IssueNeighbours } from './navigation.ts';

/**
 * The edition as routes and components see it: issues, their pages in page order, and each
 * page's articles in reading order. Built from the `pages` and `articles` collections.
 */

export interface Article {
  /** The collection entry, for `render()` of MDX articles. */
  entry: CollectionEntry<'articles'>;
  /** The issue date, from the issue folder. */
  date: string;
  /** The last URL segment. */
  slug: string;
  data: ArticleData;
  /** The Markdown body split into sections (empty for MDX articles, which render themselves). */
  sections: BodySection[];
  /** True for a hand-made `.mdx` article. */
  isMdx: boolean;
}

export interface Page extends PageData {
  articles: Article[];
}

export interface Issue {
  date: string;
  pages: Page[];
}

let built: Promise<Issue[]> | undefined;

/**
 * Every issue, newest first, with its pages and articles. Six routes list their paths from
 * it, so a build reads and parses the collections once; `astro dev` reads them afresh on
 * every request, because content changes while the server runs.
 */
export function getIssues(): Promise<Issue[]> {
  if (!import.meta.env.PROD) return readIssues();
  built ??= readIssues();
  return built;
}

async function readIssues(): Promise<Issue[]> {
  // In the preview, content the build would refuse is shown as Astro's error overlay.
  if (import.meta.env.DEV) throwContentProblems();
  const [pageEntries, articleEntries] = await Promise.all([getCollection('pages'), getCollection('articles')]);
  const pages = new Map<string, Page>();
  for (const entry of pageEntries) {
    pages.set(`${entry.data.date}/${entry.data.number}`, { ...entry.data, articles: [] });
  }
  for (const entry of articleEntries) {
    const date = path.basename(path.dirname(entry.filePath ?? ''));
    const page = pages.get(`${date}/${entry.data.page}`);
    // The loader has already refused articles whose page does not exist.
    if (!page) continue;
    const isMdx = (entry.filePath ?? '').endsWith('.mdx');
    page.articles.push({
      entry,
      date,
      // The articles loader always sets the slug (from the file name unless given).
      slug: entry.data.slug!,
      data: entry.data,
      sections: isMdx ? [] : parseBody(entry.body ?? ''),
      isMdx,
    });
  }
  const issues = new Map<string, Issue>();
  for (const page of pages.values()) {
    page.articles.sort((a, b) => a.data.order - b.data.order);
    const issue = issues.get(page.date) ?? { date: page.date, pages: [] };
    issue.pages.push(page);
    issues.set(page.date, issue);
  }
  const list = [...issues.values()];
  for (const issue of list) issue.pages.sort((a, b) => comparePageNumbers(a.number, b.number));
  return list.sort((a, b) => b.date.localeCompare(a.date));
}

/** Every issue with its older and newer neighbour, newest first. */
export async function getIssueFronts(): Promise<{ issue: Issue; neighbours: IssueNeighbours }[]> {
  const issues = await getIssues();
  const neighbours = issueNeighbours(issues);
  return issues.map((issue) => ({ issue, neighbours: neighbours.get(issue.date)! }));
}

/** Every page of every issue, with its neighbours within the issue and the issue's neighbours. */
export async function getPages() {
  const issues = await getIssues();
  const neighbours = issueNeighbours(issues);
  return issues.flatMap((issue) =>
    issue.pages.map((page, index) => ({
      issue,
      page,
      previous: issue.pages[index - 1],
      next: issue.pages[index + 1],
      neighbours: neighbours.get(issue.date)!,
    })),
  );
}

/** Every article with its page and its neighbours in reading order across the issue. */
export async function getArticles() {
  const issues = await getIssues();
  const neighbours = issueNeighbours(issues);
  return issues.flatMap((issue) => {
    const all = issue.pages.flatMap((page) => page.articles.map((article) => ({ page, article })));
    return all.map((item, index) => ({
      issue,
      page: item.page,
      article: item.article,
      previous: all[index - 1],
      next: all[index + 1],
      neighbours: neighbours.get(issue.date)!,
    }));
  });
}
