/**
 * A Vite plugin that drops the WOFF fallbacks from @fontsource's CSS. Every browser that can
 * render the page view (CSS subgrid, `text-spacing-trim`) reads WOFF2, so the `.woff` copies
 * would only double the fonts in `dist/` (about 10 MB for two CJK families) without ever
 * being downloaded.
 */
const FONTSOURCE_CSS = /[\\/]@fontsource[\\/][^\\/]+[\\/][^\\/]+\.css$/;
const WOFF_FALLBACK = /,\s*url\([^)]+\.woff\)\s*format\(['"]woff['"]\)/g;

export function woff2Only() {
  return {
    name: 'newsprint:woff2-only',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      const file = id.split('?')[0] ?? id;
      if (!FONTSOURCE_CSS.test(file)) return undefined;
      return { code: code.replace(WOFF_FALLBACK, ''), map: null };
    },
  };
}
