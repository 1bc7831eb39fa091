import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { EditionOptions } from './schemas/edition.ts';
import { validateOptions } from './integration/validate-options.ts';
import { virtualConfig } from './integration/virtual-config.ts';
import { paletteStylesheet } from './integration/palette-css.ts';
import { routes } from './integration/routes.ts';
import { cardHooks } from './integration/cards.ts';
import { woff2Only } from './integration/woff2-only.ts';
import { reloadOnContentProblems } from './integration/preview-reload.ts';
import { searchHooks } from './integration/search.ts';
import { sitemapIntegration } from './integration/sitemap.ts';
import { faviconRoute } from './integration/favicon.ts';
import { copyBesideImages, serveBesideImages } from './integration/beside-images.ts';
import { preflightToolbar } from './integration/preflight-toolbar.ts';
import { keepDist } from './integration/keep-dist.ts';

/**
 * Newsprint: a newspaper's digital edition as a static site. This entry only wires: options
 * are validated first, then the site's address, the routes, the sitemap, the config module,
 * the font trimming, the share-card hooks, the search index, the preview's reload on content
 * problems and the pre-press check's dev toolbar app are set; the work lives in
 * `src/integration/` and below.
 */
export default function newsprint(options: EditionOptions): AstroIntegration {
  const edition = validateOptions(options);
  const cards = cardHooks();
  const search = searchHooks();
  const dist = keepDist();
  let root = new URL(`file://${process.cwd()}/`);
  const preflight = preflightToolbar(edition.base);
  return {
    name: 'newsprint',
    hooks: {
      'astro:config:setup': (params) => {
        const { updateConfig, injectRoute, config } = params;
        root = config.root;
        updateConfig({
          integrations: sitemapIntegration(config.integrations, new URL(edition.base, edition.site).href),
          site: edition.site,
          base: edition.base,
          trailingSlash: 'always',
          // An incremental build keeps dist/ and removes only what is stale: src/integration/keep-dist.ts.
          vite: { plugins: [virtualConfig(edition), paletteStylesheet(), woff2Only()], ...dist.viteConfig(config) },
        });
        for (const route of [...routes, ...faviconRoute(config.publicDir)]) {
          injectRoute({ pattern: route.pattern, entrypoint: fileURLToPath(route.entrypoint), prerender: true });
        }
        // Share cards (Open Graph images) next to every page and article: src/integration/cards.ts.
        cards.setup(params);
        // The pre-press check's dev toolbar app (dev only): src/integration/preflight-toolbar.ts.
        preflight.setup(params);
      },
      'astro:server:setup': (params) => {
        // The preview shows content problems in the browser (src/loaders/problem-board.ts)…
        reloadOnContentProblems(params.server, fileURLToPath(new URL('.astro/data-store.json', root)));
        // …serves the images kept next to their articles (src/integration/beside-images.ts)…
        serveBesideImages(params.server, edition.base);
        // …and runs the pre-press check's dev toolbar app (src/integration/preflight-toolbar.ts).
        preflight.serverSetup(params);
      },
      'astro:config:done': (params) => {
        search.configDone(params);
        dist.configDone(params.config);
      },
      'astro:server:start': (params) => preflight.serverStart(params),
      'astro:server:done': () => preflight.serverDone(),
      'astro:build:start': async (params) => {
        await dist.buildStart(params.logger);
        cards.buildStart(params);
      },
      'astro:build:done': async (params) => {
        // Stale files go first: the images and the search index below are written anew.
        await dist.prune(params.assets, params.logger, [search.folder]);
        await copyBesideImages(params.dir, root);
        cards.buildDone(params);
        await search.buildDone(params);
        await dist.finish();
      },
    },
  };
}

export type { EditionOptions } from './schemas/edition.ts';
