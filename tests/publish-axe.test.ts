import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';
import { EDITION_NAMES, edition } from './helpers/editions.ts';
import { sampleViews } from './helpers/views.ts';

/**
 * axe-core in Chromium on every kind of view of the three editions (home, issue, page,
 * article, archive and a year of it, search with results, 404), at 1440 and 390 px: no
 * serious or critical violation. axe runs inside the page after its fonts (and, on the search
 * page, its results) have loaded. At each width the view must also fit: nothing scrolls sideways.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1440, 390];
/** A query with results in each edition, so the search page is checked with its results shown. */
const QUERIES = { sample: '网格员', fixture: '花灯', edition: '网格员' } as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

for (const name of EDITION_NAMES) {
  describe(`axe-core on the ${name} edition`, () => {
    let server: StaticServer;
    let session: Session;
    beforeAll(async () => {
      server = await serveStatic(edition(name).outDir, edition(name).base);
      session = await launch();
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('finds no serious or critical violation on any view, and none scrolls sideways, at 1440 and 390 px', async () => {
      const views = sampleViews(edition(name), QUERIES[name]);
      const found: string[] = [];
      let runs = 0;
      const tab = await session.context.newPage();
      for (const [kind, url] of Object.entries(views)) {
        await tab.setViewportSize({ width: WIDTHS[0]!, height: 900 });
        const response = await tab.goto(`${server.origin}${url}`, { waitUntil: 'load' });
        expect(response?.status(), url).toBe(200);
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        if (kind === 'search') await tab.waitForSelector('.np-search-result');
        await tab.addScriptTag({ content: AXE });
        // Both widths on one load: the layout follows the viewport through media queries.
        for (const width of WIDTHS) {
          await tab.setViewportSize({ width, height: 900 });
          await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const violations = (await tab.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } }).axe;
            return (await axe.run({ resultTypes: ['violations'] })).violations;
          })) as AxeViolation[];
          runs += 1;
          // No view scrolls sideways on a phone (the search filters once did, pushed by a long section name).
          const { scrollWidth, clientWidth } = await tab.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
          if (scrollWidth > clientWidth) found.push(`${kind} @${width}: scrolls sideways (${scrollWidth} px of content in ${clientWidth} px)`);
          for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            found.push(`${kind} @${width}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          }
        }
      }
      await tab.close();
      expect(found).toEqual([]);
      expect(runs).toBe(Object.keys(views).length * WIDTHS.length);
      expect(session.offsite).toEqual([]);
    });
  });
}
