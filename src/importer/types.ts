/**
 * The importer's result: the stable JSON contract of `npm run ingest -- --json` (documented in
 * the README, "Importing a page transcript").
 * Key order in these types is the key order of the JSON.
 */

export interface ImportedCredit {
  role: string;
  names: string[];
}

export interface ImportedBylineEntry {
  role: string;
  names: string[];
  /** A mark printed before the role, such as `文/片`. */
  mark?: string;
}

export interface ImportedSection {
  heading?: string;
  paragraphs: string[];
}

export interface ImportedFigure {
  caption: string;
  /** The photographer's credit printed with the caption, such as `记者 夏侯凤超 摄`. */
  credit?: string;
}

export interface ImportedArticle {
  kicker?: string;
  headline: string;
  deck?: string;
  lead?: string;
  byline: ImportedBylineEntry[];
  sections: ImportedSection[];
  figures: ImportedFigure[];
}

/** One repair or warning; `line` is the 1-based line of the transcript it concerns. */
export interface ReportEntry {
  kind: ReportKind;
  line: number;
  detail: string;
}

export type ReportKind =
  | 'blank-lines'
  | 'column-break'
  | 'caption'
  | 'lead'
  | 'punctuation'
  | 'space'
  | 'credits'
  | 'kicker'
  | 'suspected-typo'
  | 'unfinished-paragraph'
  | 'unplaced-text'
  | 'markup';

export interface ImportReport {
  repairs: ReportEntry[];
  warnings: ReportEntry[];
}

export interface ImportedPage {
  page: { date: string; number: string; section: string; credits: ImportedCredit[] };
  articles: ImportedArticle[];
  report: ImportReport;
}
