import type { APIRoute, GetStaticPaths } from 'astro';
import edition from 'virtual:newsprint/config';
import env from 'virtual:newsprint/cards';
import { getPages } from '../data/edition-data.ts';
import { pageCardInput, type CardJob } from '../cards/inputs.ts';
import { cardResponse, sharedPipeline } from '../cards/shared.ts';
import { cardFileName } from '../model/urls.ts';

/** `/<date>/<page>/card.png`: a page's share card, written next to the page (see article-card.ts). */
export const getStaticPaths = (async () => {
  const paths = (await getPages()).map(({ issue, page }) => {
    const job: CardJob = {
      path: `${issue.date}/${page.number}/${cardFileName}`,
      source: `page ${page.number} of ${issue.date}`,
      // A headline's odd character is reported against its article file.
      fieldSources: Object.fromEntries(
        page.articles.flatMap((a, i) => (a.entry.filePath ? [[`headlines ${i + 1}`, a.entry.filePath]] : [])),
      ),
      input: pageCardInput(edition, page, page.articles.map((a) => a.data.headline)),
    };
    return { params: { date: issue.date, page: page.number }, props: { job } };
  });
  const pipeline = sharedPipeline(env);
  if (import.meta.env.PROD) pipeline.prefetch(paths.map((p) => p.props.job));
  // The card's own cache key tells Astro's incremental build when the PNG changes.
  return Promise.all(paths.map(async (p) => ({ ...p, cacheKey: await pipeline.key(p.props.job) })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ job: CardJob }> = ({ props }) => cardResponse(env, props.job);
