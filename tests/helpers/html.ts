import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { builtSiteDir } from './paths.ts';

/** A parsed HTML element, as parse5 gives it. */
export interface El {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: El[];
  value?: string;
}

/** Parses a page of a built site, given its URL path (`/2023-07-02/A03/`). */
export function loadPage(urlPath: string, siteDir = builtSiteDir()): El {
  const file = path.join(siteDir, urlPath, 'index.html');
  return parse(readFileSync(file, 'utf8')) as unknown as El;
}

/** Every element in document order that matches `test`. */
export function findAll(root: El, test: (el: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (node: El) => {
    if (node.tagName && test(node)) out.push(node);
    node.childNodes?.forEach(walk);
  };
  walk(root);
  return out;
}

export const attr = (el: El, name: string) => el.attrs?.find((a) => a.name === name)?.value;
export const hasClass = (name: string) => (el: El) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);
export const byTag = (tag: string) => (el: El) => el.tagName === tag;

/** The text of an element as a reader gets it (`<wbr>` adds nothing, `<br>` a newline). */
export function text(el: El): string {
  if (el.nodeName === '#text') return el.value ?? '';
  if (el.tagName === 'br') return '\n';
  if (el.tagName === 'script' || el.tagName === 'style') return '';
  return (el.childNodes ?? []).map(text).join('');
}
