/**
 * A pre-press problem: what an editor must look at before a page goes out. The `--json`
 * output of `npm run preflight` is a list of these without the `target` (a stable contract:
 * newsroom scripts read it), and the dev toolbar app shows the same list.
 */

/** Every kind of problem, with its severity. The names are a contract: never rename one. */
export const PROBLEM_KINDS = {
  /** The page is taller than its printed sheet at the designed type size. */
  overset: 'error',
  /** The page leaves more than a fifth of its sheet empty. */
  underset: 'warning',
  /** A headline takes more lines than its size step allows in its block. */
  'headline-too-long': 'warning',
  /** A justified line is stretched by an unbreakable run (a long Latin word, a number, a URL). */
  'stretched-line': 'warning',
  /** A block's body columns end more than two lines apart. */
  'unlevel-columns': 'warning',
  /** A page with no credit line (编辑/美编/组版). */
  'missing-credits': 'warning',
  /** An article with no byline. */
  'missing-byline': 'warning',
  /** A figure with a caption but no image file. */
  'figure-without-image': 'warning',
  /** A doubled character such as 的的, found with the importer's rule. */
  'suspected-typo': 'warning',
  /** A character no share-card font has, found by the card code. */
  'missing-glyph': 'warning',
  /** An opening quotation mark or bracket with no closing one, or the reverse, in one field or paragraph. */
  'unpaired-mark': 'warning',
  /** Two articles of one issue under the same headline: usually a story placed twice. */
  'duplicate-headline': 'warning',
  /** A content file the site cannot use (the build would stop on it). */
  'invalid-content': 'error',
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;
export type Severity = 'error' | 'warning';

/** Where on the page view or article view a problem is shown (the dev toolbar app outlines it). */
export interface ProblemTarget {
  /** The article's 1-based position among the page's blocks, in reading order; absent for the page. */
  block?: number;
  /** The part of the article: `headline`, `byline`, `figure` (with `index`), `body` (with `index`, the paragraph). */
  part?: 'headline' | 'byline' | 'figure' | 'body' | 'credits';
  /** 0-based index of the figure or of the body paragraph. */
  index?: number;
}

export interface Problem {
  kind: ProblemKind;
  severity: Severity;
  /** The content file, relative to the project root, with forward slashes. */
  file: string;
  /** `YYYY-MM-DD/PAGE`. */
  page: string;
  /** `YYYY-MM-DD/PAGE/slug`, when the problem is in one article. */
  article?: string;
  /** 1-based line in `file`, when one line is to blame. */
  line?: number;
  /** What is wrong and the fix, as full sentences. */
  message: string;
  target?: ProblemTarget;
}

/** A problem of `kind`, with the severity the kind carries. */
export function problem(kind: ProblemKind, fields: Omit<Problem, 'kind' | 'severity'>): Problem {
  return { kind, severity: PROBLEM_KINDS[kind], ...fields };
}

/** The stable JSON form: the contract's fields in the contract's order, nothing else. */
export function toJson(p: Problem) {
  return {
    kind: p.kind,
    severity: p.severity,
    file: p.file,
    page: p.page,
    ...(p.article !== undefined ? { article: p.article } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    message: p.message,
  };
}

/** Page order, then errors before warnings, then file and line: a report reads top to bottom. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.page.localeCompare(b.page) ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.kind.localeCompare(b.kind)
  );
}
