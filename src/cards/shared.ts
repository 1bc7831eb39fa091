import type { CardEnvironment } from './environment.ts';
import type { CardJob } from './inputs.ts';
import { createCardPipeline, type CardPipeline, type PipelineOptions } from './pipeline.ts';

/**
 * One card pipeline per process, shared by the integration's hooks (which report on it) and
 * the card routes (which Vite bundles, so they hold their own copy of this module): the
 * instance lives on `globalThis` under a registered symbol that both copies find.
 */
const KEY = Symbol.for('newsprint.cards.pipeline');
type Holder = { [KEY]?: CardPipeline };

/** Starts a fresh pipeline (new statistics), replacing any earlier one. */
export function startPipeline(options: PipelineOptions): CardPipeline {
  const pipeline = createCardPipeline(options);
  (globalThis as Holder)[KEY] = pipeline;
  return pipeline;
}

/** The process's pipeline; started with `env` if the integration has not started one. */
export function sharedPipeline(env: CardEnvironment): CardPipeline {
  return (globalThis as Holder)[KEY] ?? startPipeline({ env });
}

/** The process's pipeline, if one was started. */
export function currentPipeline(): CardPipeline | undefined {
  return (globalThis as Holder)[KEY];
}

/** The HTTP response of a card route: the PNG from the shared pipeline (rendered or cached). */
export async function cardResponse(env: CardEnvironment, job: CardJob): Promise<Response> {
  const png = await sharedPipeline(env).get(job);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
