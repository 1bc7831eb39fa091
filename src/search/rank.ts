/**
 * The order of search results across Pagefind bundles. Pure TypeScript: the search page runs
 * it in the browser, tests run it in process.
 *
 * Pagefind ranks each bundle by that bundle's own statistics, and when a bundle has no article
 * with every word of the query it falls back to articles with some of them. Merged bundles
 * (Pagefind's multisite search) therefore disagree with one index over the same articles:
 * measured on the generated test edition, 测试注入 found 21 articles instead of the one that
 * has it, and 网格员 put 全市社区网格化服务管理… (from the smallest bundle) above every
 * article with 网格员 in its headline. Two rules make the result independent of how the
 * archive is split:
 *
 * 1. Which articles: those that contain every part of the query verbatim (Pagefind's exact
 *    search, one part at a time), in Pagefind's relevance order. Only when no article has
 *    them all are Pagefind's nearest results shown, and the page says so.
 * 2. Headline first: among the first `HEADLINE_WINDOW` of those, the articles whose headline
 *    has every part come first (the search page promises “标题中的词排在前面”). The window
 *    keeps the fragments loaded per query bounded; a headline match weighs 8× in Pagefind's
 *    score, so it stands inside the window whatever bundle it is in.
 */

/** How many of the best results are looked at for a headline match. */
export const HEADLINE_WINDOW = 30;

/** The parts of a query: what the reader separated with spaces (`\s` includes the full-width U+3000). */
export const queryParts = (query: string): string[] => query.split(/\s/u).filter(Boolean);

/**
 * Pagefind's exact-search query for one part: the part in double quotes, with any quote marks
 * of its own removed (they would end the phrase).
 */
export const exactQuery = (part: string): string => `"${part.replaceAll('"', '')}"`;

export interface Verbatim<R> {
  results: R[];
  /** False when no article has every part, and `results` are Pagefind's nearest instead. */
  verbatim: boolean;
}

/**
 * Rule 1: the results of the plain search that are in every exact search, in the plain
 * search's order, then any exact result the plain search did not return; if there are none,
 * the plain search's results.
 */
export function verbatimResults<R extends { id: string }>(plain: readonly R[], exact: readonly (readonly R[])[]): Verbatim<R> {
  if (exact.length === 0) return { results: [...plain], verbatim: true };
  const sets = exact.map((list) => new Set(list.map((r) => r.id)));
  const inAll = (id: string) => sets.every((s) => s.has(id));
  const results = plain.filter((r) => inAll(r.id));
  const seen = new Set(results.map((r) => r.id));
  for (const r of exact[0]!) {
    if (inAll(r.id) && !seen.has(r.id)) {
      seen.add(r.id);
      results.push(r);
    }
  }
  return results.length > 0 ? { results, verbatim: true } : { results: [...plain], verbatim: false };
}

/**
 * Rule 2: within the first `window` results, those whose headline contains every part come
 * first, each group in its earlier order; the results after the window keep their place.
 * `headlines[i]` is the headline of `results[i]` (only the window's are needed).
 */
export function headlineFirst<R>(results: readonly R[], headlines: readonly string[], parts: readonly string[], window = HEADLINE_WINDOW): R[] {
  const head = results.slice(0, window);
  // Pagefind matches without regard to case (3d打印 finds 3D打印); so does this.
  const lower = parts.map((p) => p.toLocaleLowerCase());
  // No parts: every headline matches, and the order stays as it was.
  const matches = (i: number) => lower.every((p) => (headlines[i] ?? '').toLocaleLowerCase().includes(p));
  const first = head.filter((_, i) => matches(i));
  const rest = head.filter((_, i) => !matches(i));
  return [...first, ...rest, ...results.slice(window)];
}
