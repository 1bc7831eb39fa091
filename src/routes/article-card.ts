import type { APIRoute, GetStaticPaths } from 'astro';
import edition from 'virtual:newsprint/config';
import env from 'virtual:newsprint/cards';
import { getArticles } from '../data/edition-data.ts';
import { articleCardInput, type CardJob } from '../cards/inputs.ts';
import { cardResponse, sharedPipeline } from '../cards/shared.ts';
import { cardFileName } from '../model/urls.ts';

/**
 * `/<date>/<page>/<article>/card.png`: an article's share card, as a static endpoint, so Astro
 * writes it next to the article's page in a build and serves it in `astro dev`.
 */
export const getStaticPaths = (async () => {
  const paths = (await getArticles()).map(({ issue, page, article }) => {
    const job: CardJob = {
      path: `${issue.date}/${page.number}/${article.slug}/${cardFileName}`,
      source: article.entry.filePath ?? `${issue.date}/${page.number}/${article.slug}`,
      input: articleCardInput(edition, page, article.data),
    };
    return { params: { date: issue.date, page: page.number, article: article.slug }, props: { job } };
  });
  // In a build every card is wanted: start rendering them all now, a few at a time, so each
  // is ready (or nearly) when Astro asks for it. `astro dev` renders a card when it is asked.
  const pipeline = sharedPipeline(env);
  if (import.meta.env.PROD) pipeline.prefetch(paths.map((p) => p.props.job));
  // The card's own cache key tells Astro's incremental build when the PNG changes.
  return Promise.all(paths.map(async (p) => ({ ...p, cacheKey: await pipeline.key(p.props.job) })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: CardJob }> = ({ props }) => cardResponse(env, props.job);
