import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { attr, byTag, findAll, type El } from './html.ts';
import type { BuiltEdition } from './editions.ts';

/** Every HTML file of a built site, as paths inside it (`2024-01-15/1/index.html`), sorted. */
export function htmlFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The URL path of a built HTML file under the site's base (`index.html` dropped). */
export const urlOf = (built: BuiltEdition, file: string) => `${built.base}${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Parses a built HTML file of an edition, by its path in the site. */
export const parseFile = (built: BuiltEdition, file: string): El =>
  parse(readFileSync(path.join(built.outDir, file), 'utf8')) as unknown as El;

/** Parses the view at a URL path of an edition (`/paper/2024-01-15/`, `/paper/404.html`). */
export function view(built: BuiltEdition, urlPath: string): El {
  const inSite = urlPath.slice(built.base.length);
  return parseFile(built, inSite.endsWith('.html') ? inSite : `${inSite}index.html`);
}

/** The content of `<meta name|property=key>` in a document. */
export const meta = (doc: El, key: string) =>
  findAll(doc, (el) => el.tagName === 'meta' && (attr(el, 'name') === key || attr(el, 'property') === key)).map((el) => attr(el, 'content'));

export const canonical = (doc: El) => findAll(doc, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical').map((el) => attr(el, 'href'));

/** The JSON-LD blocks of a document, parsed. */
export const jsonLd = (doc: El): Record<string, unknown>[] =>
  findAll(doc, (el) => el.tagName === 'script' && attr(el, 'type') === 'application/ld+json').map(
    (el) => JSON.parse((el.childNodes ?? []).map((c) => c.value ?? '').join('')) as Record<string, unknown>,
  );

export const links = (root: El) => findAll(root, byTag('a'));
