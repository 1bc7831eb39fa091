/**
 * The search page's script (runs in the reader's browser): loads Pagefind's bundle, fills the
 * filters, runs the query of the form and shows each result's headline, date and page
 * (第X版) with an excerpt. The URL keeps the query (`?q=…&year=…`), so a search can be
 * shared and the back button works.
 */
import { FILTER_LABELS, type FilterKey } from './fields.ts';
import { exactQuery, HEADLINE_WINDOW, headlineFirst, queryParts, verbatimResults } from './rank.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: { baseUrl: string }): Promise<void>;
  mergeIndex(bundle: string, o: { baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o: { filters: Record<string, string> }): Promise<{ results: Found[] }>;
}
interface Found {
  id: string;
  data(): Promise<PagefindResult>;
}

/**
 * The results of a query across every bundle, in the order of src/search/rank.ts: the articles
 * with every part of the query verbatim, headline matches first.
 */
async function ranked(pagefind: Pagefind, query: string, filters: Record<string, string>): Promise<{ results: Found[]; verbatim: boolean }> {
  const parts = queryParts(query);
  const [plain, ...exact] = await Promise.all([
    pagefind.search(query || null, { filters }),
    ...parts.map((part) => pagefind.search(exactQuery(part), { filters })),
  ]);
  const { results, verbatim } = verbatimResults(plain!.results, exact.map((e) => e.results));
  if (parts.length === 0) return { results, verbatim };
  const window = await Promise.all(results.slice(0, HEADLINE_WINDOW).map((r) => r.data()));
  return { results: headlineFirst(results, window.map((d) => d.meta.title ?? ''), parts), verbatim };
}

const KEYS = Object.keys(FILTER_LABELS) as FilterKey[];
/** Results are shown ten at a time; “更多结果” adds ten. */
const PAGE_SIZE = 10;

/** `2023-07` → `2023年7月`: month filter values carry their year. */
const filterText = (key: FilterKey, value: string) => {
  if (key === 'month') {
    const [y, m] = value.split('-');
    return `${y}年${Number(m)}月`;
  }
  if (key === 'year') return `${value}年`;
  if (key === 'page') return `第${value}版`;
  return value;
};

/**
 * Pagefind's excerpt is HTML with `<mark>` around the matches. It is parsed in an inert
 * `<template>` (nothing in it runs or loads) and rebuilt from its text and marks only, so
 * whatever the article text holds ends up as text.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Node[] = [];
  template.content.childNodes.forEach((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  });
  return out;
}

function resultItem(data: PagefindResult): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'np-search-result';
  const heading = document.createElement('h2');
  heading.className = 'np-search-result-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'np-search-result-meta';
  const time = document.createElement('time');
  if (data.meta.iso) time.dateTime = data.meta.iso;
  time.textContent = data.meta.date ?? '';
  meta.append(time, document.createTextNode(` · 第${data.meta.page ?? ''}版`));
  const excerpt = document.createElement('p');
  excerpt.className = 'np-search-result-excerpt';
  excerpt.append(...excerptNodes(data.excerpt));
  li.append(heading, meta, excerpt);
  return li;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('.np-search-form');
  const status = document.querySelector<HTMLElement>('.np-search-status');
  const list = document.querySelector<HTMLOListElement>('.np-search-results');
  if (!form || !status || !list) return;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const fieldset = form.querySelector<HTMLFieldSetElement>('fieldset')!;
  const selects = new Map(KEYS.map((key) => [key, form.querySelector<HTMLSelectElement>(`select[data-filter=${key}]`)!]));
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'np-search-more';
  more.textContent = '更多结果';
  let pagefind: Pagefind | undefined;
  let run = 0;
  let pending: Found[] = [];

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  async function showMore() {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = await Promise.all(batch.map((r) => r.data()));
    const first = list!.children.length;
    list!.append(...items.map(resultItem));
    if (pending.length > 0) list!.after(more);
    else more.remove();
    return first;
  }

  async function search(updateUrl: boolean) {
    if (!pagefind) return;
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    if (updateUrl) {
      const next = new URLSearchParams();
      if (query) next.set('q', query);
      for (const [key, value] of Object.entries(filters)) next.set(key, value);
      const search = next.toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    }
    const mine = ++run;
    if (!query && Object.keys(filters).length === 0) {
      list!.replaceChildren();
      more.remove();
      status!.textContent = '输入检索词，或选择筛选条件。';
      return;
    }
    status!.textContent = '正在检索…';
    const found = await ranked(pagefind, query, filters);
    if (mine !== run) return;
    list!.replaceChildren();
    pending = found.results;
    const total = found.results.length;
    await showMore();
    if (mine !== run) return;
    status!.textContent =
      total === 0
        ? `没有找到与“${query}”相关的文章。`
        : found.verbatim
          ? `找到${total}篇文章${query ? `，与“${query}”相关` : ''}。`
          : `没有文章含有“${query}”的全部字词；找到${total}篇相近的文章。`;
  }

  more.addEventListener('click', async () => {
    const first = await showMore();
    // Keyboard users continue where the new results begin.
    list.children[first]?.querySelector('a')?.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(true), 250);
  });
  for (const select of selects.values()) select.addEventListener('change', () => void search(true));

  (async () => {
    try {
      // The index is split into bundles, newest first (src/search/bundles.ts): the newest is
      // Pagefind's primary bundle and the others are merged into it (Pagefind's multisite search).
      const folder = form.dataset.bundle!;
      const response = await fetch(`${folder}bundles.json`);
      if (!response.ok) throw new Error(`${folder}bundles.json: ${response.status}`);
      const [first, ...rest] = ((await response.json()) as { path: string }[]).map((b) => `${folder}${b.path}/`);
      if (!first) throw new Error('the search index has no bundle');
      const baseUrl = form.dataset.base!;
      const loaded = (await import(/* @vite-ignore */ `${first}pagefind.js`)) as Pagefind;
      await loaded.options({ baseUrl });
      for (const bundle of rest) await loaded.mergeIndex(bundle, { baseUrl });
      pagefind = loaded;
    } catch {
      status.textContent = '检索索引没有加载：它在网站构建（astro build）时生成，预览模式下没有。';
      return;
    }
    const available = await pagefind.filters();
    for (const [key, select] of selects) {
      const values = Object.entries(available[key] ?? {}).sort(([a], [b]) => (key === 'year' || key === 'month' ? b.localeCompare(a) : a.localeCompare(b, 'zh')));
      for (const [value, count] of values) {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = `${filterText(key, value)}（${count}篇）`;
        select.append(option);
      }
      const wanted = params.get(key);
      if (wanted) select.value = wanted;
    }
    fieldset.disabled = false;
    await search(false);
  })();
}
