/**
 * Page make-up benchmark: `npm run bench:layout [-- --pages 300]`.
 *
 * Generates N pages (tests/helpers/page-generator.ts: 2–14 articles of mixed lengths, with and
 * without kickers, decks, leads and figures; seeds 1…N), builds them as one broadsheet site with
 * the real `astro build`, opens every page view in Chromium at 1440 px and measures what the
 * make-up gives: blank share of block area (median, worst), the most blank below any block's
 * text, bumping headlines (撞题), the lead at the top and largest, and how far the placement's
 * height estimates are from Chromium's heights. Also times the placement itself, per page, in
 * process. The machine may be shared: the CPU figures are per page, the wall time is not.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { blockInput } from '../src/print-layout/block-input.ts';
import { fitReport } from '../src/print-layout/fit-report.ts';
import { layoutPage } from '../src/print-layout/place.ts';
import { launch, open } from '../tests/helpers/browser.ts';
import { buildLayoutSite, LAYOUT_SITE } from '../tests/helpers/layout-site.ts';
import { columnSpread } from '../tests/helpers/layout-checks.ts';
import { measurePage, pageFigures, type PageFigures } from '../tests/helpers/layout-measure.ts';
import { readGenerated } from '../tests/helpers/page-generator.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '300' }, first: { type: 'string', default: '1' } } });
const count = Number(values.pages);
const first = Number(values.first);
const seeds = Array.from({ length: count }, (_, i) => first + i);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

const scratch = path.join(import.meta.dirname, '../.cache/bench-layout');
await mkdir(scratch, { recursive: true });
const started = performance.now();
const site = await buildLayoutSite('site', seeds, scratch);
console.log(`Built ${count} generated pages in ${((performance.now() - started) / 1000).toFixed(0)} s.`);

// Placement time, in process: each page laid out 5 times, the median CPU time kept.
const inputs = site.pages.map((p) => p.articles.map(readGenerated).map((a) => blockInput(a.slug, a.data, a.sections)));
for (const input of inputs.slice(0, 20)) layoutPage(input);
const cpu: number[] = [];
const layouts = inputs.map((input) => {
  const runs: number[] = [];
  let layout = layoutPage(input);
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    layout = layoutPage(input);
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  cpu.push(runs.sort((a, b) => a - b)[2]!);
  return layout;
});

const server = await serveStatic(site.outDir, LAYOUT_SITE.base);
const session = await launch();
const figures: (PageFigures & { seed: number; articles: number; spreads: number[] })[] = [];
const uneven: string[] = [];
try {
  for (const [i, page] of site.pages.entries()) {
    const tab = await open(session, `${server.origin}${LAYOUT_SITE.base}${page.date}/${page.number}/`, 1440);
    const measured = await measurePage(tab);
    const spread = await columnSpread(tab);
    const spreads = spread.map((s) => s.spreadLines);
    for (const s of spread) if (s.spreadLines > 1.01) uneven.push(`seed ${page.seed}: ${s.label} (${s.spreadLines.toFixed(2)} lines)`);
    await tab.close();
    const estimates = new Map(layouts[i]!.blocks.map((b) => [b.id, b.content + b.headSpace]));
    figures.push({ seed: page.seed, articles: page.articles.length, spreads, ...pageFigures(measured, estimates) });
  }
} finally {
  await session.close();
  await server.close();
}

const shares = figures.map((f) => f.blankShare).sort((a, b) => a - b);
const columnShares = figures.map((f) => f.columnBlankShare).sort((a, b) => a - b);
const errors = figures.flatMap((f) => f.estimateErrors);
const absErrors = errors.map(Math.abs).sort((a, b) => a - b);
const blankLines = figures.map((f) => f.maxBlankLines).sort((a, b) => a - b);
const bumps = figures.flatMap((f) => f.bumps.map((b) => `seed ${f.seed}: ${b}`));
const leadFaults = figures.filter((f) => !f.leadTop || !f.leadLargest).map((f) => f.seed);
const spreads = figures.flatMap((f) => f.spreads).sort((a, b) => a - b);
const fits = layouts.map(fitReport);
const worst = figures.reduce((a, b) => (b.blankShare > a.blankShare ? b : a));
cpu.sort((a, b) => a - b);

console.log(`Pages: ${count} (seeds ${first}–${first + count - 1}), ${figures.reduce((n, f) => n + f.articles, 0)} blocks, at 1440 px in Chromium.`);
console.log(`Blank share of block area: median ${pct(quantile(shares, 0.5))}, p90 ${pct(quantile(shares, 0.9))}, worst ${pct(shares.at(-1)!)} (seed ${worst.seed}); targets ≤ 3% median, ≤ 8% worst.`);
const worstColumns = figures.reduce((a, b) => (b.columnBlankShare > a.columnBlankShare ? b : a));
console.log(`Blank counted column by column (short last columns, empty columns): median ${pct(quantile(columnShares, 0.5))}, p90 ${pct(quantile(columnShares, 0.9))}, worst ${pct(columnShares.at(-1)!)} (seed ${worstColumns.seed}).`);
console.log(`Blank below a block's text: median page ${quantile(blankLines, 0.5).toFixed(2)} lines, worst ${blankLines.at(-1)!.toFixed(2)} lines; target ≤ 3.`);
console.log(`Bumping headlines: ${bumps.length}${bumps.length ? ` (${bumps.slice(0, 5).join('; ')})` : ''}; lead not at the top or not the largest: ${leadFaults.length}${leadFaults.length ? ` (seeds ${leadFaults.slice(0, 10).join(', ')})` : ''}.`);
console.log(`Height estimate − Chromium, per block: mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} lines, |error| median ${quantile(absErrors, 0.5).toFixed(2)}, p95 ${quantile(absErrors, 0.95).toFixed(2)}, max ${absErrors.at(-1)!.toFixed(2)} lines; within 2 lines: ${pct(absErrors.filter((e) => e <= 2).length / absErrors.length)}.`);
console.log(`Body columns' ends, per block (top to bottom of the columns' last lines): median ${quantile(spreads, 0.5).toFixed(2)} lines apart, p95 ${quantile(spreads, 0.95).toFixed(2)}, worst ${spreads.at(-1)!.toFixed(2)}; within 1 line: ${pct(spreads.filter((x) => x <= 1.01).length / spreads.length)}, within 2: ${pct(spreads.filter((x) => x <= 2.01).length / spreads.length)}.${uneven.length ? ` More than a line apart: ${uneven.slice(0, 8).join('; ')}` : ''}`);
console.log(`Sheet fit: ${fits.filter((f) => f.filled).length} filled, ${fits.filter((f) => !f.filled && f.oversetLines === 0).length} shorter than the sheet, ${fits.filter((f) => f.oversetLines > 0).length} overset (median ratio ${quantile(fits.map((f) => f.ratio).sort((a, b) => a - b), 0.5)}).`);
console.log(`Placement CPU per page: median ${quantile(cpu, 0.5).toFixed(2)} ms, p95 ${quantile(cpu, 0.95).toFixed(2)} ms, max ${cpu.at(-1)!.toFixed(2)} ms; target well under 50 ms.`);
const bad = figures.filter((f) => f.blankShare > 0.08 || f.maxBlankLines > 3 || f.bumps.length > 0 || f.estimateErrors.some((e) => Math.abs(e) > 2)).map((f) => f.seed);
if (bad.length) console.log(`Pages outside a target: seeds ${bad.slice(0, 30).join(', ')}${bad.length > 30 ? ' …' : ''}`);
