import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ImportedArticle, ImportedPage } from '../../src/importer/index.ts';
import { projectRoot } from './paths.ts';

/**
 * Helpers of the importer tests: running the real CLI script, and the "nothing lost" measure
 * (Han characters, digits and Latin letters, in order: the README's promise).
 */

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/ingest.ts` as `npm run ingest` would, on the Node that runs the tests (the
 * pinned Node 24). Relative paths start from `cwd`, as npm's INIT_CWD makes them.
 */
export function runIngestCli(args: string[], cwd = projectRoot): CliRun {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/ingest.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, INIT_CWD: cwd, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** The characters the importer promises never to lose: Han, digits, Latin letters. */
export function significant(text: string): string {
  return (text.match(/[\p{Script=Han}0-9A-Za-z]/gu) ?? []).join('');
}

/** The same characters, as a sorted multiset, for comparing wholes that were reordered. */
export function significantMultiset(text: string): string {
  return [...significant(text)].sort().join('');
}

/** True when `needle` occurs in `haystack` in order, gaps allowed. */
export function isSubsequence(needle: string, haystack: string): boolean {
  const h = [...haystack];
  let at = 0;
  for (const ch of needle) {
    while (at < h.length && h[at] !== ch) at++;
    if (at === h.length) return false;
    at++;
  }
  return true;
}

/** The text of an article in reading order: headline stack, byline, body; lead and captions apart. */
export function articleMainText(article: ImportedArticle): string {
  return [
    article.kicker ?? '',
    article.headline,
    article.deck ?? '',
    ...article.byline.flatMap((b) => [b.mark ?? '', b.role, ...b.names]),
    ...article.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]),
  ].join('');
}

/** Every text of an imported page: credits and all fields of all articles. */
export function pageText(result: ImportedPage): string {
  return [
    ...result.page.credits.flatMap((c) => [c.role, ...c.names]),
    ...result.articles.flatMap((a) => [articleMainText(a), a.lead ?? '', ...a.figures.flatMap((f) => [f.caption, f.credit ?? ''])]),
  ].join('');
}
