import { describeZodIssues } from '../errors/zod-issues.ts';
import { formatBody } from '../model/body.ts';
import { articleSchema } from '../schemas/article.ts';
import { pageSchema } from '../schemas/page.ts';
import { ImportError } from './errors.ts';
import type { ImportedArticle, ImportedPage } from './types.ts';

/**
 * The canonical writer of Newsprint content files, the format of the hand-written sample
 * edition: keys in a fixed order, every string double-quoted (JSON strings are valid YAML
 * double-quoted scalars, so no string can turn into a number, a date or a boolean), name
 * lists as flow sequences, optional keys and empty lists left out. Writing is deterministic,
 * which makes imports idempotent and diffs small.
 */

const q = (value: string) => JSON.stringify(value);
const flow = (values: readonly string[]) => `[${values.map(q).join(', ')}]`;

/** Validates what is about to be written with the site's own schema: a bug here must not reach the build. */
function validate(schema: typeof pageSchema | typeof articleSchema, data: unknown, file: string): void {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = describeZodIssues(result.error, schema, data).map((p) => p.message).join(' ');
    throw new ImportError(`The importer produced an invalid ${file}: ${issues} Nothing was written. This is a bug in the importer: please report it with the transcript.`, { file });
  }
}

/** The page file `<page>.yaml`. */
export function serializePage(page: ImportedPage['page']): string {
  const lines = [`date: ${q(page.date)}`, `number: ${q(page.number)}`, `section: ${q(page.section)}`];
  if (page.credits.length > 0) {
    lines.push('credits:');
    for (const credit of page.credits) lines.push(`  - role: ${q(credit.role)}`, `    names: ${flow(credit.names)}`);
  }
  validate(pageSchema, page, `${page.number}.yaml`);
  return `${lines.join('\n')}\n`;
}

/** An article file `<page>-<order>.md`: front matter, a blank line, the body. */
export function serializeArticle(article: ImportedArticle, pageNumber: string, order: number): string {
  const lines = ['---', `page: ${q(pageNumber)}`, `order: ${order}`];
  if (article.kicker !== undefined) lines.push(`kicker: ${q(article.kicker)}`);
  lines.push(`headline: ${q(article.headline)}`);
  if (article.deck !== undefined) lines.push(`deck: ${q(article.deck)}`);
  if (article.lead !== undefined) lines.push(`lead: ${q(article.lead)}`);
  if (article.byline.length > 0) {
    lines.push('byline:');
    for (const entry of article.byline) {
      lines.push(`  - role: ${q(entry.role)}`, `    names: ${flow(entry.names)}`);
      if (entry.mark !== undefined) lines.push(`    mark: ${q(entry.mark)}`);
    }
  }
  if (article.figures.length > 0) {
    lines.push('figures:');
    for (const figure of article.figures) {
      lines.push(`  - caption: ${q(figure.caption)}`);
      if (figure.credit !== undefined) lines.push(`    credit: ${q(figure.credit)}`);
    }
  }
  lines.push('---');
  const { sections, ...frontMatter } = article;
  validate(articleSchema, { ...frontMatter, page: pageNumber, order }, `${pageNumber}-${order}.md`);
  const body = formatBody(sections);
  return `${lines.join('\n')}\n${body === '' ? '' : `\n${body}`}`;
}

/** Every file of a page import, by file name, in writing order: the page, then its articles. */
export function serializeImport(result: ImportedPage): Map<string, string> {
  const files = new Map<string, string>();
  files.set(`${result.page.number}.yaml`, serializePage(result.page));
  result.articles.forEach((article, i) => files.set(`${result.page.number}-${i + 1}.md`, serializeArticle(article, result.page.number, i + 1)));
  return files;
}
