import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { edition } from './helpers/editions.ts';
import { attr, byTag, findAll, text, type El } from './helpers/html.ts';
import { htmlFiles, jsonLd, parseFile, urlOf } from './helpers/site-files.ts';
import { fonts } from './helpers/cards-svg.ts';
import { HOSTILE, HOSTILE_FIELDS, payload } from './helpers/hostile-page.ts';
import { articleSchema, editionSchema, pageSchema } from '../src/schemas/index.ts';
import { articleCardInput, pageCardInput } from '../src/cards/inputs.ts';
import { articleCard } from '../src/cards/card-article.ts';
import { pageCard } from '../src/cards/card-page.ts';
import { defaultEmojiDir } from '../src/cards/emoji.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../src/model/share.ts';

/**
 * Content is untrusted text. The generated edition carries a page of hostile content
 * (hostile-page.ts): markup, quotes, entities and Pagefind's `key:value, key:value` syntax in
 * every field an editor fills. Each must reach readers as the very text the editor wrote (not
 * run, not dropped, not escaped twice) in the HTML text, in attributes, in the JSON-LD, in the
 * feed and on the share cards. The search index is checked in a browser (search.test.ts).
 */

const built = () => edition('edition');
const pageUrl = `${HOSTILE.date}/${HOSTILE.page}/`;
const articleUrl = `${pageUrl}${HOSTILE.slug}/`;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every built HTML file that shows some of the hostile content. */
async function hostileFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const file of htmlFiles(built().outDir)) {
    if ((await readFile(path.join(built().outDir, file), 'utf8')).includes('【')) out.push(file);
  }
  return out;
}

/** Every string inside a parsed JSON value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('hostile content is text everywhere it is published', () => {
  it('reaches the article view, its page, the issue front and the home page, and nothing in them runs or loads', async () => {
    const files = await hostileFiles();
    for (const expected of [articleUrl, pageUrl, `${HOSTILE.date}/`, '']) expect(files).toContain(`${expected}index.html`);
    for (const file of files) {
      const doc = parseFile(built(), file);
      const all = findAll(doc, () => true);
      expect(all.filter((el) => (el.attrs ?? []).some((a) => /^on/i.test(a.name))).map((el) => el.tagName), file).toEqual([]);
      expect(all.filter((el) => ['iframe', 'object', 'embed'].includes(el.tagName ?? '')).length, file).toBe(0);
      for (const script of findAll(doc, byTag('script'))) expect(text(script), file).not.toMatch(/__npPwned=1(?!\\u003c)/);
      // The only image the hostile page may show is its figure's file; `x` and `x.png` are text.
      for (const img of findAll(doc, byTag('img'))) expect(attr(img, 'src'), file).toMatch(/^\/paper\/(?:2024-01-15\/lantern\.svg|[^"]*\.(?:svg|png))$/);
      expect(findAll(doc, byTag('img')).filter((img) => /(?:^|\/)x(?:\.png)?$/.test(attr(img, 'src') ?? '')), file).toEqual([]);
      for (const a of findAll(doc, byTag('a'))) expect(attr(a, 'href') ?? '', file).not.toMatch(/^\s*javascript:/i);
    }
  });

  it('the article view shows every field as the editor wrote it, once escaped, never twice', () => {
    const doc = parseFile(built(), `${articleUrl}index.html`);
    const body = findAll(doc, byTag('body'))[0]!;
    const shown = squash(text(body));
    for (const field of HOSTILE_FIELDS.article.filter((f) => f !== 'alt' && f !== 'tag')) expect(shown, field).toContain(squash(payload(field)));
    for (const field of HOSTILE_FIELDS.page) expect(shown, field).toContain(squash(payload(field)));
    // Markdown and MDX syntax in the body is text as well.
    expect(shown).toContain(squash('[链接](javascript:window.__npPwned=1) ![图](x.png) {window.__npPwned=1} <iframe src="javascript:1"></iframe>'));
  });

  it('attributes carry the text whole: the figure alt, the title, description, share and search metadata', () => {
    const doc = parseFile(built(), `${articleUrl}index.html`);
    const figure = findAll(doc, byTag('img')).find((img) => attr(img, 'src') === '/paper/2024-01-15/lantern.svg')!;
    expect(attr(figure, 'alt')).toBe(payload('alt'));
    const metaOf = (key: string) => findAll(doc, (el: El) => el.tagName === 'meta' && (attr(el, 'property') === key || attr(el, 'name') === key)).map((el) => attr(el, 'content') ?? '');
    const headline = `${payload('headline')}${payload('headline-2')}`;
    expect(text(findAll(doc, byTag('title'))[0]!)).toContain(payload('headline'));
    expect(metaOf('og:title')[0]).toContain(headline);
    expect(metaOf('description')[0]).toContain(payload('lead'));
    expect(metaOf('og:image:alt')[0]).toContain(payload('kicker'));
    expect(metaOf('article:section')[0]).toBe(payload('section'));
    // Pagefind decodes a filter once more than HTML does, so its `&` are written twice (search.test.ts reads it back).
    const filters = findAll(doc, (el: El) => attr(el, 'data-pagefind-filter') !== undefined).map((el) => attr(el, 'data-pagefind-filter'));
    expect(filters).toContain(`section:${payload('section').replaceAll('&', '&amp;')}`);
  });

  it('the JSON-LD cannot close its script element and reads back the exact text', () => {
    for (const url of [articleUrl, pageUrl, `${HOSTILE.date}/`]) {
      const doc = parseFile(built(), `${url}index.html`);
      for (const script of findAll(doc, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json')) expect(text(script), url).not.toContain('</');
    }
    const values = strings(jsonLd(parseFile(built(), `${articleUrl}index.html`)));
    for (const field of ['kicker', 'deck', 'lead', 'name', 'role', 'section', 'tag']) expect(values, field).toContain(payload(field));
    expect(values.some((v) => v.includes(payload('headline')) && v.includes(payload('headline-2')))).toBe(true);
  });

  it('the RSS feed gives the headline and lead as text (XML-escaped once)', async () => {
    const feed = new XMLParser({ isArray: (name) => name === 'item', processEntities: true, htmlEntities: false }).parse(await readFile(path.join(built().outDir, 'rss.xml'), 'utf8'));
    const item = (feed.rss.channel.item as { title: string; link: string; description: string }[]).find((i) => i.link.endsWith(`/${articleUrl}`))!;
    expect(item, 'the hostile article is in the feed').toBeDefined();
    expect(item.title).toContain(payload('headline'));
    expect(item.description).toContain(payload('lead'));
  });

  it('the cards draw the text itself, never markup or entities, and are written', async () => {
    const root = built().root;
    const frontMatter = (file: string) => parseYaml((/^---\n([\s\S]*?)\n---/.exec(file) ?? [])[1] ?? file);
    const page = pageSchema.parse(parseYaml(await readFile(path.join(root, 'content', HOSTILE.date, `${HOSTILE.page}.yaml`), 'utf8')));
    const data = articleSchema.parse(frontMatter(await readFile(path.join(root, 'content', HOSTILE.date, HOSTILE.file), 'utf8')));
    const options = editionSchema.parse({ paperName: '测试晚报', site: built().site });
    const ctx = { fonts: await fonts(), emojiDir: defaultEmojiDir(), width: CARD_WIDTH, height: CARD_HEIGHT };
    const article = articleCard(articleCardInput(options, page, data), ctx);
    const drawn = (lines: string[] | undefined) => squash((lines ?? []).join('')).replace(/…+$/, '');
    // A card shows as much of a field as fits, cut with the Chinese ellipsis (……, two U+2026): the shown part is the text's own start.
    for (const field of ['kicker', 'headline', 'deck'] as const) {
      const shown = drawn(article.lines[field]);
      expect(shown.length, field).toBeGreaterThan(8);
      expect(squash(field === 'deck' ? `——${payload('deck')}` : payload(field)).startsWith(shown) || squash(`${payload('headline')}${payload('headline-2')}`).startsWith(shown), `${field}: ${shown}`).toBe(true);
    }
    const pageLayout = pageCard(pageCardInput(options, page, [data.headline]), ctx);
    expect(Object.values(pageLayout.lines).flat().join('')).toContain('【headline】<img');
    for (const url of [articleUrl, pageUrl]) {
      const meta = await sharp(path.join(built().outDir, url, 'card.png')).metadata();
      expect([meta.format, meta.width, meta.height], url).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    }
    expect(urlOf(built(), `${articleUrl}index.html`)).toBe(`/paper/${articleUrl}`);
  });
});
