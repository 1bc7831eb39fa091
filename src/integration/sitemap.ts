import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/**
 * The sitemap, by `@astrojs/sitemap`: every HTML view (issues, pages, articles, archive,
 * search), without the 404 page, the cards or the feed, and without the home page, whose
 * canonical URL is the latest issue's (a sitemap lists canonical URLs only). `sitemap-index.xml` points to files of
 * at most 50,000 URLs each, the limit of the sitemaps.org protocol: ten years of a daily paper
 * are about 200,000 URLs, four files.
 */
export const SITEMAP_ENTRY_LIMIT = 50_000;

/** `home` is the absolute URL of the home page (site and base path). */
export function sitemapOptions(home: string): SitemapOptions {
  return {
    entryLimit: SITEMAP_ENTRY_LIMIT,
    // Views end in `/` (trailingSlash: 'always'); the cards and the feed do not.
    filter: (url) => url.endsWith('/') && url !== home,
  };
}

/** Adds the sitemap unless the site already uses `@astrojs/sitemap` itself. */
export function sitemapIntegration(existing: readonly AstroIntegration[], home: string): AstroIntegration[] {
  return existing.some((i) => i.name === '@astrojs/sitemap') ? [] : [sitemap(sitemapOptions(home))];
}
