import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { attr, findAll, type El } from './html.ts';
import type { BuiltEdition } from './editions.ts';
import { htmlFiles } from './site-files.ts';

/**
 * Every reference a built site makes to itself, resolved to a file in `dist/`: links, images,
 * stylesheets, icons, scripts, the fonts and images inside the stylesheets, canonical and
 * Open Graph URLs, and `#fragment` targets. A reference that does not start with the base
 * path, or names no file, or a fragment with no element of that id, is broken.
 */

export interface Reference {
  from: string;
  url: string;
  kind: string;
}

export interface LinkReport {
  checked: number;
  broken: (Reference & { why: string })[];
  /** References to other hosts (none are expected: nothing leaves the site). */
  offsite: Reference[];
}

const URL_ATTRS: [string, string, string][] = [
  ['a', 'href', 'link'],
  ['link', 'href', 'link element'],
  ['script', 'src', 'script'],
  ['img', 'src', 'image'],
  ['source', 'src', 'media'],
  ['form', 'action', 'form'],
];

function htmlReferences(doc: El): { url: string; kind: string }[] {
  const out: { url: string; kind: string }[] = [];
  for (const [tag, name, kind] of URL_ATTRS) {
    for (const el of findAll(doc, (e) => e.tagName === tag)) {
      const value = attr(el, name);
      if (value !== undefined) out.push({ url: value, kind: tag === 'link' ? `link rel=${attr(el, 'rel')}` : kind });
    }
  }
  for (const el of findAll(doc, (e) => attr(e, 'srcset') !== undefined)) {
    for (const part of attr(el, 'srcset')!.split(',')) out.push({ url: part.trim().split(/\s+/)[0]!, kind: 'srcset' });
  }
  for (const el of findAll(doc, (e) => e.tagName === 'meta' && /^(og|twitter):image$/.test(attr(e, 'property') ?? attr(e, 'name') ?? ''))) {
    out.push({ url: attr(el, 'content')!, kind: 'og:image' });
  }
  // The search page reads the list of Pagefind bundles from the folder its form names.
  for (const el of findAll(doc, (e) => attr(e, 'data-bundle') !== undefined)) out.push({ url: `${attr(el, 'data-bundle')}bundles.json`, kind: 'search bundle list' });
  return out;
}

const ids = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  if (!ids.has(file)) {
    const doc = parse(readFileSync(file, 'utf8')) as unknown as El;
    ids.set(file, new Set(findAll(doc, (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id')!)));
  }
  return ids.get(file)!;
}

export function checkLinks(built: BuiltEdition): LinkReport {
  const origin = new URL(built.site).origin;
  const report: LinkReport = { checked: 0, broken: [], offsite: [] };
  const cssSeen = new Set<string>();

  const resolve = (ref: Reference, baseUrl: URL): string | undefined => {
    const url = new URL(ref.url, baseUrl);
    if (url.protocol === 'data:' || url.protocol === 'mailto:') return undefined;
    if (url.origin !== origin) {
      report.offsite.push(ref);
      return undefined;
    }
    report.checked += 1;
    const pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(built.base)) {
      report.broken.push({ ...ref, why: `outside the base path ${built.base}` });
      return undefined;
    }
    let file = path.join(built.outDir, pathname.slice(built.base.length));
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      report.broken.push({ ...ref, why: `no file ${path.relative(built.outDir, file)}` });
      return undefined;
    }
    if (url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) {
      report.broken.push({ ...ref, why: `no element with id ${url.hash}` });
    }
    return file;
  };

  for (const page of htmlFiles(built.outDir)) {
    const file = path.join(built.outDir, page);
    const pageUrl = new URL(`${built.base}${page}`, origin);
    const doc = parse(readFileSync(file, 'utf8')) as unknown as El;
    for (const { url, kind } of htmlReferences(doc)) {
      const target = resolve({ from: page, url, kind }, pageUrl);
      if (target?.endsWith('.css') && !cssSeen.has(target)) {
        cssSeen.add(target);
        const css = readFileSync(target, 'utf8');
        const cssUrl = new URL(`${built.base}${path.relative(built.outDir, target).split(path.sep).join('/')}`, origin);
        for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
          resolve({ from: path.relative(built.outDir, target), url: match[2]!, kind: 'css url()' }, cssUrl);
        }
      }
    }
  }
  return report;
}
