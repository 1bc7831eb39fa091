/**
 * The e-paper's URL scheme, readable, ASCII and stable: a link names the issue's date, the
 * page number and the article, so a reader can tell where it points and it can be cited in print:
 * `/<date>/` an issue, `/<date>/<page>/` a page, `/<date>/<page>/<article>/` an article.
 * Every function takes the site's base path, which always starts and ends with `/`.
 */

/** Joins the base path and URL segments into a path ending in `/`. */
function join(base: string, ...segments: string[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${segments.map(encodeURIComponent).join('/')}${segments.length ? '/' : ''}`;
}

export const homeHref = (base: string) => join(base);
export const issueHref = (base: string, date: string) => join(base, date);
export const pageHref = (base: string, date: string, page: string) => join(base, date, page);
export const articleHref = (base: string, date: string, page: string, slug: string) =>
  join(base, date, page, slug);

/** The share card (Open Graph image) of a page or article sits next to its HTML. */
export const cardFileName = 'card.png';
export const pageCardHref = (base: string, date: string, page: string) => `${pageHref(base, date, page)}${cardFileName}`;
export const articleCardHref = (base: string, date: string, page: string, slug: string) =>
  `${articleHref(base, date, page, slug)}${cardFileName}`;

/**
 * The default slug of an article, from its file name, so that its URL never changes when the
 * articles of a page are reordered: the file stem in lower case, with the page number and a
 * hyphen taken off the front when the name starts with them (the importer's `A03-1.md` on
 * page A03 → `1`; `lantern.md` → `lantern`; `Weather Report.md` → `weather-report`).
 * Spaces and underscores become hyphens. Returns undefined when the name has characters a
 * readable ASCII URL cannot carry (a Chinese file name): the article then needs a `slug`.
 */
export function slugFromFileName(stem: string, page: string): string | undefined {
  let slug = stem
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  const prefix = `${page.toLowerCase()}-`;
  if (slug.startsWith(prefix) && slug.length > prefix.length) slug = slug.slice(prefix.length);
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
}

/** What a figure's `image` refers to, after checking its form (not yet that the file exists). */
export type ImageRef =
  | { kind: 'public'; /** Path under `public/`, without a leading slash. */ path: string }
  | { kind: 'beside'; /** Path from the article's issue folder, without `./`. */ path: string }
  | { kind: 'remote'; url: string; host: string }
  | { kind: 'invalid'; reason: string };

/**
 * Reads a figure's `image`: a path under the site's `public/` folder, written with or without
 * a leading slash (`/2024-03-04/photo.jpg` is the same file as `2024-03-04/photo.jpg`); a
 * file next to the article, written with `./` as Markdown writes relative images
 * (`./photo.jpg`, in the article's issue folder); or an `https://` address. Refused: `//host/…` (a protocol-relative URL, fetched from another
 * host), other schemes (`http:`, `javascript:`, `data:`, `file:`), `..` segments (they could
 * leave the folder), backslashes, `?`/`#` and control characters.
 */
export function parseImageRef(value: string): ImageRef {
  const text = value.trim();
  if (/[\u0000-\u001f\u007f]/.test(text)) return { kind: 'invalid', reason: 'it contains a control character' };
  if (text.startsWith('//')) {
    return { kind: 'invalid', reason: 'it starts with `//`, which a browser reads as an address on another host' };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'https') return { kind: 'invalid', reason: `\`${scheme[1]}:\` addresses are not allowed; use a file in public/ or an https:// address` };
    try {
      const url = new URL(text);
      return { kind: 'remote', url: url.href, host: url.hostname };
    } catch {
      return { kind: 'invalid', reason: 'it is not a valid https:// address' };
    }
  }
  if (text.includes('\\')) return { kind: 'invalid', reason: 'it contains a backslash; write paths with forward slashes /' };
  if (/[?#]/.test(text)) return { kind: 'invalid', reason: 'it contains `?` or `#`; give the plain path of the file' };
  const beside = text.startsWith('./');
  const segments = text.replace(/^\/+/, '').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { kind: 'invalid', reason: `it contains \`..\`, which would leave ${beside ? "the article's folder" : 'the public/ folder'}` };
  if (segments.length === 0) return { kind: 'invalid', reason: 'it names no file' };
  return { kind: beside ? 'beside' : 'public', path: segments.join('/') };
}

/**
 * Where a file next to an article is published: under its issue's folder, as
 * `<issue date>/<path>` (`content/2024-03-04/photo.jpg` → `2024-03-04/photo.jpg`), the same
 * place as the issue's pages; the build copies it there and the preview serves it.
 */
export const besidePath = (date: string, path: string) => `${date}/${path}`;

/**
 * The `src` of a figure's image: a file under `public/` or next to the article (in the issue
 * of `date`) served under the base path, or a remote URL.
 */
export function imageHref(base: string, image: string, date: string): string {
  const ref = parseImageRef(image);
  if (ref.kind === 'remote') return ref.url;
  if (ref.kind === 'invalid') throw new Error(`Figure image ${JSON.stringify(image)} was not checked by the loader: ${ref.reason}.`);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const file = ref.kind === 'beside' ? besidePath(date, ref.path) : ref.path;
  return `${prefix}${file.split('/').map(encodeURIComponent).join('/')}`;
}
/** The archive: `/archive/` lists the years, `/archive/<year>/` holds that year's calendar. */
export const archiveHref = (base: string) => join(base, 'archive');
export const archiveYearHref = (base: string, year: number | string) => join(base, 'archive', String(year));
/** The search page and the RSS feed. */
export const searchHref = (base: string) => join(base, 'search');
export const feedHref = (base: string) => `${join(base)}rss.xml`;
