import { access } from 'node:fs/promises';
import { cachePath, cardKey, readCached, writeCached } from './cache.ts';
import type { CardEnvironment } from './environment.ts';
import { loadFonts, type CardFonts } from './fonts.ts';
import { checkGlyphs, codePoints, MISSING_MARK } from './glyphs.ts';
import type { CardInput, CardJob } from './inputs.ts';
import { layoutCard, renderCard } from './render.ts';

/**
 * The card pipeline: cache lookups, rendering with a few cards in flight, statistics and
 * warnings. satori runs on the main thread and sharp on libuv's pool, so keeping
 * `concurrency` cards in flight lets one card's satori overlap another's PNG encoding. Queued
 * cards keep no pixels in memory: a finished card is in the cache, and only the caller that
 * asked for it holds its bytes.
 */

/** A character no font and no emoji image has, found on a card. */
export interface CardWarning {
  /** The content file (or card path) the character comes from. */
  source: string;
  /** The card's path in the output. */
  path: string;
  /** The card field: headline, deck, kicker… */
  field: string;
  grapheme: string;
  message: string;
}

export interface CardStats {
  /** Cards rendered by satori and sharp in this run. */
  rendered: number;
  /** Cards found in the cache. */
  cached: number;
  warnings: CardWarning[];
}

export interface CardPipeline {
  /** The PNG of a card: from the cache, or rendered now (ahead of the queue) and cached. */
  get(job: CardJob): Promise<Buffer>;
  /**
   * The card's cache key: a digest of everything that changes its pixels (cache.ts). The card
   * routes give it to Astro as the path's `cacheKey`. Computing it also reports the card's
   * missing characters, so a build reports them whether or not it renders the card.
   */
  key(job: CardJob): Promise<string>;
  /** Queues cards to render in the background, so they are ready when asked for. */
  prefetch(jobs: Iterable<CardJob>): void;
  /** Resolves when every queued card is done. */
  idle(): Promise<void>;
  readonly stats: CardStats;
}

export interface PipelineOptions {
  env: CardEnvironment;
  /** Cards in flight at once: 3 keeps both cores busy; 4 was no faster and used more memory (bench:cards). */
  concurrency?: number;
  /** Called once per missing character per card, as soon as the card is seen. */
  onWarning?: (warning: CardWarning) => void;
}

/** Every text field of a card input, by name, for the missing-glyph check. */
function textFields(input: CardInput): [string, string][] {
  const out: [string, string][] = [];
  for (const [field, value] of Object.entries(input)) {
    if (field === 'kind') continue;
    if (typeof value === 'string') out.push([field, value]);
    // A page's headlines are numbered (each is an article's); a headline's printed lines are one field.
    else if (Array.isArray(value)) value.forEach((v, i) => out.push([field === 'headlines' ? `${field} ${i + 1}` : field, String(v)]));
  }
  return out;
}

/** How a warning names a card field. */
const FIELD_NAMES: Record<string, string> = {
  paperName: 'paper name',
  dateLine: 'date line',
  pageLine: 'page line',
  kicker: 'kicker (引题)',
  headline: 'headline (主题)',
  deck: 'deck (副题)',
  byline: 'byline',
  page: 'page number',
  section: 'section name',
};
const fieldName = (field: string) => FIELD_NAMES[field] ?? (field.startsWith('headlines ') ? FIELD_NAMES.headline! : field);

/** The characters of a card no font and no emoji image has, one warning each (also the pre-press check's `missing-glyph`). */
export function glyphWarnings(job: CardJob, fonts: CardFonts, emojiDir: string): CardWarning[] {
  const warnings: CardWarning[] = [];
  for (const [field, text] of textFields(job.input)) {
    const source = job.fieldSources?.[field] ?? job.source;
    // Coverage is the union of all faces (satori falls back across them), so any face will do.
    for (const grapheme of checkGlyphs(text, 'serif-bold', fonts, emojiDir).missing) {
      warnings.push({
        source,
        path: job.path,
        field,
        grapheme,
        message: `${source}: “${grapheme}” (${codePoints(grapheme)}) in the ${fieldName(field)} is in no share-card font and has no emoji image; the share card ${job.path} shows ${MISSING_MARK} in its place. Replace the character, or add a font that has it.`,
      });
    }
  }
  return warnings;
}

export function createCardPipeline(options: PipelineOptions): CardPipeline {
  const { env, concurrency = 3, onWarning } = options;
  const stats: CardStats = { rendered: 0, cached: 0, warnings: [] };
  // Fonts load on first use: `astro sync` and `astro check` also create a pipeline.
  let fontsLoading: Promise<CardFonts> | undefined;
  const fontsReady = () => (fontsLoading ??= loadFonts(env.fontFiles));
  const keys = new WeakMap<CardJob, string>();
  const seen = new Set<string>();
  const tasks = new Map<string, Promise<Buffer | undefined>>();
  const queue: { key: string; job: CardJob; start: () => void }[] = [];
  let running = 0;
  /** Prefetched cards whose key or cache check is still under way. */
  const pending = new Set<Promise<void>>();

  async function keyOf(job: CardJob): Promise<string> {
    let key = keys.get(job);
    if (key) return key;
    const fonts = await fontsReady();
    key = cardKey(job.input, { fontDigest: fonts.digest, renderers: env.renderers });
    keys.set(job, key);
    if (!seen.has(job.path)) {
      seen.add(job.path);
      for (const warning of glyphWarnings(job, fonts, env.emojiDir)) {
        // One warning per character per content file: a page card repeats its articles' headlines.
        const id = `${warning.source}\u0000${warning.grapheme}`;
        if (seen.has(id)) continue;
        seen.add(id);
        stats.warnings.push(warning);
        onWarning?.(warning);
      }
    }
    return key;
  }

  /** Counts each card once, however often it is looked up. */
  const counted = new Set<string>();
  const count = (key: string, what: 'rendered' | 'cached') => {
    if (!counted.has(key)) stats[what]++;
    counted.add(key);
  };

  /** Renders a card (cache miss) or confirms it is cached; `keep` returns the bytes. */
  async function produce(key: string, job: CardJob, keep: boolean): Promise<Buffer | undefined> {
    if (!keep) {
      const hit = await access(cachePath(env.cacheDir, key)).then(() => true, () => false);
      if (hit) return count(key, 'cached'), undefined;
    } else {
      const cached = await readCached(env.cacheDir, key);
      if (cached) return count(key, 'cached'), cached;
    }
    const fonts = await fontsReady();
    let png: Buffer;
    try {
      png = (await renderCard(layoutCard(job.input, fonts, env.emojiDir), fonts)).png;
    } catch (error) {
      throw new Error(`The share card ${job.path} (${job.source}) could not be rendered: ${(error as Error).message}`, { cause: error });
    }
    try {
      await writeCached(env.cacheDir, key, png);
    } catch (error) {
      throw new Error(
        `The share-card cache folder ${env.cacheDir} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Make it writable, or point Astro's \`cacheDir\` option at a writable folder.`,
        { cause: error },
      );
    }
    count(key, 'rendered');
    return png;
  }

  function pump() {
    while (running < concurrency && queue.length > 0) queue.shift()!.start();
  }

  /** Queues a task for `key` unless one exists; `front` puts it ahead of prefetched cards. */
  function schedule(key: string, job: CardJob, keep: boolean, front: boolean): Promise<Buffer | undefined> {
    const existing = tasks.get(key);
    if (existing) {
      const queued = queue.findIndex((q) => q.key === key);
      if (front && queued > 0) queue.unshift(...queue.splice(queued, 1));
      pump();
      return existing;
    }
    const task = new Promise<Buffer | undefined>((resolve, reject) => {
      const start = () => {
        running++;
        produce(key, job, keep)
          .then(resolve, reject)
          .finally(() => {
            running--;
            tasks.delete(key);
            pump();
          });
      };
      if (front) queue.unshift({ key, job, start });
      else queue.push({ key, job, start });
    });
    // A prefetch failure surfaces when the card is asked for; never as an unhandled rejection.
    task.catch(() => {});
    tasks.set(key, task);
    pump();
    return task;
  }

  return {
    stats,
    async get(job) {
      const key = await keyOf(job);
      if (tasks.has(key)) {
        const bytes = await schedule(key, job, true, true);
        if (bytes) return bytes;
      }
      // Not queued (cached already, or never prefetched), or prefetched into the cache: read
      // it from there, or render it now.
      const cached = await readCached(env.cacheDir, key);
      if (cached) return count(key, 'cached'), cached;
      return (await schedule(key, job, true, true))!;
    },
    key: keyOf,
    prefetch(jobs) {
      // Only cards missing from the cache are queued: checking the cache inside the render
      // queue made a build with every card cached wait ~30 ms a card behind the queue
      // (profiled at 30 issues: 43 s of a forced render's 80 s went to cached cards).
      for (const job of jobs) {
        const checked = keyOf(job).then(async (key) => {
          const hit = await access(cachePath(env.cacheDir, key)).then(() => true, () => false);
          if (hit) count(key, 'cached');
          else await schedule(key, job, false, false);
        });
        pending.add(checked);
        checked.catch(() => {}).finally(() => pending.delete(checked));
      }
    },
    async idle() {
      await fontsReady();
      // Keys and cache checks are asynchronous: wait until every prefetched card is scheduled.
      while (pending.size > 0) await Promise.allSettled([...pending]);
      while (tasks.size > 0) await Promise.allSettled([...tasks.values()]);
    },
  };
}
