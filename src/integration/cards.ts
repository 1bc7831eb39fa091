import type { AstroIntegrationLogger, HookParameters } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cardEnvironment, type CardEnvironment } from '../cards/environment.ts';
import { currentPipeline, startPipeline } from '../cards/shared.ts';

/**
 * Share cards in the integration: two static endpoint routes (`src/routes/*-card.ts`)
 * that Astro writes next to each page and article in a build and serves in `astro dev`, a
 * virtual module that hands them the card environment, and the build log lines. The work
 * itself is in `src/cards/`.
 *
 * Why endpoints rather than rendering in `astro:build:done`: the cards then come from the
 * same collection data as the pages (no second reader of the content files), `astro dev`
 * serves them with no extra middleware, and the files land where Astro writes everything
 * else. Astro asks for them one at a time, so each route queues all its cards when Astro
 * lists its paths and the pipeline renders ahead, a few in flight.
 */

export const cardRoutes = [
  { pattern: '/[date]/[page]/card.png', entrypoint: new URL('../routes/page-card.ts', import.meta.url) },
  { pattern: '/[date]/[page]/[article]/card.png', entrypoint: new URL('../routes/article-card.ts', import.meta.url) },
];

const MODULE_ID = 'virtual:newsprint/cards';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** Hands the card environment (font and emoji paths, cache folder) to the card routes. */
function cardsModule(env: CardEnvironment) {
  return {
    name: 'newsprint:cards',
    resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(env)};` : undefined),
  };
}

function start(env: CardEnvironment, logger: AstroIntegrationLogger) {
  startPipeline({ env, onWarning: (warning) => logger.warn(warning.message) });
}

/** The card hooks; `src/index.ts` calls them from its own. */
export function cardHooks() {
  let env: CardEnvironment | undefined;
  let root = '';
  return {
    setup({ config, updateConfig, injectRoute, logger }: HookParameters<'astro:config:setup'>) {
      root = fileURLToPath(config.root);
      // Astro's cache folder (`cacheDir`, node_modules/.astro by default) survives builds and
      // is git-ignored; the cards keep their cache there.
      env = cardEnvironment(fileURLToPath(config.cacheDir));
      updateConfig({ vite: { plugins: [cardsModule(env)] } });
      for (const route of cardRoutes) {
        injectRoute({ pattern: route.pattern, entrypoint: fileURLToPath(route.entrypoint), prerender: true });
      }
      start(env, logger.fork('newsprint:cards'));
    },
    buildStart({ logger }: HookParameters<'astro:build:start'>) {
      if (env) start(env, logger.fork('newsprint:cards'));
    },
    buildDone({ logger }: HookParameters<'astro:build:done'>) {
      const stats = currentPipeline()?.stats;
      if (!stats || !env) return;
      const where = path.relative(root, env.cacheDir) || env.cacheDir;
      logger.info(`share cards: ${stats.rendered} rendered, ${stats.cached} from the cache (${where})`);
      if (stats.warnings.length > 0) {
        logger.warn(`share cards: ${stats.warnings.length} character(s) shown as 〓, see the warnings above.`);
      }
    },
  };
}
