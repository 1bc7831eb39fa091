import type { ImportReport, ImportedPage, ReportEntry, ReportKind } from './types.ts';

/**
 * The importer's account of what it did: every repair (so an editor can check each one) and
 * every warning (what it suspects but did not change). Entries are kept in transcript order.
 */
export class ReportBuilder {
  readonly repairs: ReportEntry[] = [];
  readonly warnings: ReportEntry[] = [];

  repair(kind: ReportKind, line: number, detail: string): void {
    this.repairs.push({ kind, line, detail });
  }

  warn(kind: ReportKind, line: number, detail: string): void {
    this.warnings.push({ kind, line, detail });
  }

  build(): ImportReport {
    const byLine = (a: ReportEntry, b: ReportEntry) => a.line - b.line;
    // Array sort is stable, so entries of one line keep the order the pipeline found them in.
    return { repairs: [...this.repairs].sort(byLine), warnings: [...this.warnings].sort(byLine) };
  }
}

/** Shortens a quotation of transcript text for the report. */
export function excerpt(text: string, max = 16): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** The readable summary the CLI prints to stderr, one line per repair and warning. */
export function formatReport(result: ImportedPage, source: string): string {
  const { page, articles, report } = result;
  const out: string[] = [
    `${source} → page ${page.number} of ${page.date} (${page.section}): ${articles.length} article(s), ${page.credits.length} page credit(s).`,
  ];
  const list = (title: string, entries: readonly ReportEntry[]) => {
    out.push(`${title} (${entries.length}):`);
    for (const e of entries) out.push(`  line ${e.line}: [${e.kind}] ${e.detail}`);
  };
  list('Repairs', report.repairs);
  list('Warnings, to check by hand', report.warnings);
  return `${out.join('\n')}\n`;
}
