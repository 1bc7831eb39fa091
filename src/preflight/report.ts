import type { Problem } from './problem.ts';

/**
 * The readable report of `npm run preflight`: problems grouped by page, errors first, each
 * with its file and line, then a count.
 */
export function formatReport(problems: Problem[], pagesChecked: number): string {
  const lines: string[] = [];
  const byPage = new Map<string, Problem[]>();
  for (const p of problems) byPage.set(p.page, [...(byPage.get(p.page) ?? []), p]);
  for (const [page, list] of byPage) {
    lines.push(`${page}  (${count(list)})`);
    for (const p of list) {
      const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
      lines.push(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.kind}  ${where}`, `          ${p.message}`);
    }
    lines.push('');
  }
  const clean = pagesChecked - byPage.size;
  lines.push(`${pagesChecked} page${pagesChecked === 1 ? '' : 's'} checked: ${problems.length === 0 ? 'no problems' : count(problems)}${clean > 0 && problems.length > 0 ? `; ${clean} page${clean === 1 ? '' : 's'} without any` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** `1 error, 3 warnings` */
export function count(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ') || 'no problems';
}
