import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A page of hostile content in the generated edition (edition-generate.ts): markup, quotes,
 * entities, a comma-separated `key:value` list (Pagefind's attribute syntax) and a script that
 * would set `window.__npPwned` if it ever ran, in every field an editor can fill that reaches
 * readers: the page's section and credits; an article's kicker, headline lines, deck, lead,
 * byline (mark, role, names), figure (caption, credit, alt), tags, a section head and the body.
 * Content is untrusted text: every one of them must come out as the same text, in the HTML,
 * its attributes, the JSON-LD, the feed, the sitemap, the search index and the cards.
 */

export const HOSTILE = { date: '2024-03-08', page: 'C01', file: 'c01-1.md', slug: '1', word: '测试注入' } as const;

/** The payload of one field: a label, so each field can be found, then the markup. */
export const payload = (field: string) =>
  `【${field}】<img src=x onerror="window.__npPwned=1"><script>window.__npPwned=1</script></title>"'&amp;&lt;, image:/x.png`;

/** Every field the hostile page fills, by name. */
export const HOSTILE_FIELDS = {
  page: ['section', 'credit-role', 'credit-name'],
  article: ['kicker', 'headline', 'headline-2', 'deck', 'lead', 'mark', 'role', 'name', 'caption', 'credit', 'alt', 'tag', 'head', 'body'],
} as const;

/** YAML single-quoted: a quote is written twice, nothing else is special. */
const q = (field: string) => `'${payload(field).replaceAll("'", "''")}'`;

export async function writeHostilePage(root: string): Promise<void> {
  const dir = path.join(root, 'content', HOSTILE.date);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, `${HOSTILE.page}.yaml`),
    [`date: "${HOSTILE.date}"`, `number: "${HOSTILE.page}"`, `section: ${q('section')}`, 'credits:', `  - role: ${q('credit-role')}`, `    names: [${q('credit-name')}]`, ''].join('\n'),
  );
  await writeFile(
    path.join(dir, HOSTILE.file),
    [
      '---',
      `page: ${HOSTILE.page}`,
      'order: 1',
      `kicker: ${q('kicker')}`,
      `headline: [${q('headline')}, ${q('headline-2')}]`,
      `deck: ${q('deck')}`,
      `lead: ${q('lead')}`,
      'byline:',
      `  - mark: ${q('mark')}`,
      `    role: ${q('role')}`,
      `    names: [${q('name')}]`,
      'figures:',
      `  - caption: ${q('caption')}`,
      `    credit: ${q('credit')}`,
      `    alt: ${q('alt')}`,
      '    image: 2024-01-15/lantern.svg',
      `tags: [${q('tag')}]`,
      '---',
      '',
      `${HOSTILE.word}：${payload('body')}`,
      '',
      `### ${payload('head')}`,
      '',
      // Markdown and MDX syntax is text too: no link, no image, no expression, no HTML block.
      '[链接](javascript:window.__npPwned=1) ![图](x.png) {window.__npPwned=1} <iframe src="javascript:1"></iframe>',
      '',
    ].join('\n'),
  );
}
