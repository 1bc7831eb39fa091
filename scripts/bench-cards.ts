/**
 * Share-card benchmark: `npm run bench:cards [-- --cards 2000 --concurrency 3]`.
 *
 * Renders N cards (default 500; one page card per five article cards) from generated Chinese
 * headlines of realistic lengths, into a fresh cache: cards/s cold. Then asks for every card
 * again through a new pipeline on the same cache: ms per card warm (cache hits). Prints RSS
 * as the run goes, so a per-card leak shows as growth, and the peak. Runs the same pipeline
 * the build uses. The machine may be shared: run it more than once.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { cardEnvironment } from '../src/cards/environment.ts';
import type { CardJob } from '../src/cards/inputs.ts';
import { createCardPipeline } from '../src/cards/pipeline.ts';
import { loadFonts } from '../src/cards/fonts.ts';
import { parseBody, bodyText } from '../src/model/body.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.cards);
const concurrency = Number(values.concurrency);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Clauses of the sample's article text: real Chinese news vocabulary and phrase lengths. */
async function corpus(): Promise<string[]> {
  const dir = path.join(import.meta.dirname, '../content/2023-07-02');
  const clauses: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.md')).sort()) {
    const raw = await readFile(path.join(dir, file), 'utf8');
    const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(raw)?.[1] ?? '') as Record<string, unknown>;
    const text = [String(front.lead ?? ''), ...bodyText(parseBody(body))].join('');
    clauses.push(...text.split(/[，。；：！？]/).map((s) => s.trim()).filter((s) => s.length >= 4 && s.length <= 24));
  }
  return clauses;
}

/** A small deterministic generator, so every run renders the same cards. */
function random(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function jobs(n: number, clauses: string[]): CardJob[] {
  const rnd = random(20230702);
  const pick = () => clauses[Math.floor(rnd() * clauses.length)]!;
  // Headlines of 8–34 characters (a one-clause headline to a long two-clause one), kickers
  // and decks half the time, as on a real page.
  const text = (min: number, max: number) => {
    let s = pick();
    while (s.length < min) s += (rnd() < 0.5 ? '，' : '') + pick();
    return Array.from(s).slice(0, max).join('');
  };
  const common = (i: number) => ({
    paperName: '泉城示例日报',
    sample: true,
    dateLine: `2023年7月${1 + (i % 28)}日 星期日`,
    pageLine: `第A${String(1 + (i % 16)).padStart(2, '0')}版·要闻`,
  });
  const out: CardJob[] = [];
  for (let i = 0; i < n; i++) {
    const path = `bench/${i}/card.png`;
    if (i % 6 === 5) {
      const headlines = Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => text(8, 30));
      out.push({ path, source: path, input: { ...common(i), kind: 'page', page: `A${i % 16}`, section: '要闻', headlines } });
    } else {
      out.push({
        path,
        source: path,
        input: {
          ...common(i),
          kind: 'article',
          ...(rnd() < 0.5 ? { kicker: text(8, 28) } : {}),
          headline: [text(8 + Math.floor(rnd() * 12), 34)],
          ...(rnd() < 0.5 ? { deck: text(8, 26) } : {}),
          byline: `记者 ${['赵清华', '夏侯凤超', '刘亚男'][i % 3]}\u3000通讯员 李英杰`,
        },
      });
    }
  }
  return out;
}

async function main() {
  const cacheRoot = await mkdtemp(path.join(os.tmpdir(), 'newsprint-bench-'));
  const env = cardEnvironment(cacheRoot);
  const all = jobs(count, await corpus());
  console.log(`share cards: ${count} cards (${all.filter((j) => j.input.kind === 'page').length} page cards), ${concurrency} in flight, ${os.cpus().length} CPUs, Node ${process.version}`);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

  const fontStart = performance.now();
  await loadFonts(env.fontFiles);
  const fontMs = performance.now() - fontStart;

  // Cold: the build's pattern — queue every card, then ask for each in order.
  const cold = createCardPipeline({ env, concurrency });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  cold.prefetch(all);
  let bytes = 0;
  let largest = 0;
  let firstMs = 0;
  for (let i = 0; i < all.length; i++) {
    const png = await cold.get(all[i]!);
    if (i === 0) firstMs = performance.now() - t0;
    bytes += png.length;
    largest = Math.max(largest, png.length);
    if ((i + 1) % Math.ceil(all.length / 4) === 0 || i === all.length - 1) {
      gc();
      const m = process.memoryUsage();
      console.log(`  cold ${String(i + 1).padStart(5)} cards  RSS ${mb(m.rss)}, JS heap ${mb(m.heapUsed)}, external ${mb(m.external)}`);
    }
  }
  const coldMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerCard = (cpu.user + cpu.system) / 1000 / all.length;
  await cold.idle();

  // Warm: a new pipeline (a new build) on the same cache.
  const warm = createCardPipeline({ env, concurrency });
  await warm.get(all[0]!);
  const t1 = performance.now();
  for (const job of all) await warm.get(job);
  const warmMs = performance.now() - t1;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

  const files = await readdir(env.cacheDir, { recursive: true });
  const pngs = files.filter((f) => f.endsWith('.png'));
  const sizes = await Promise.all(pngs.map(async (f) => (await stat(path.join(env.cacheDir, f))).size));
  console.log(`fonts loaded and hashed once: ${fontMs.toFixed(0)} ms`);
  console.log(`cold: ${(all.length / (coldMs / 1000)).toFixed(1)} cards/s (${cold.stats.rendered} rendered in ${(coldMs / 1000).toFixed(2)} s; the first card took ${firstMs.toFixed(0)} ms with satori's font parsing, the rest ${((all.length - 1) / ((coldMs - firstMs) / 1000)).toFixed(1)} cards/s)`);
  console.log(`CPU: ${cpuPerCard.toFixed(1)} ms per card cold, all threads (satori on the main thread, sharp on libuv's pool): ${(2000 / cpuPerCard).toFixed(0)} cards/s is the ceiling on 2 free cores`);
  console.log(`warm: ${(warmMs / all.length).toFixed(3)} ms/card (${warm.stats.cached} cache hits, ${warm.stats.rendered} rendered)`);
  console.log(`PNG: mean ${Math.round(bytes / all.length / 1024)} KB, largest ${Math.round(Math.max(largest, ...sizes) / 1024)} KB (limit 300 KB), ${pngs.length} files in cache`);
  console.log(`peak RSS: ${mb(peak)}`);
  if (!values.keep) await rm(cacheRoot, { recursive: true, force: true });
  else console.log(`cache kept at ${env.cacheDir}`);
}

await main();
