import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cardFiles, type Build } from './helpers/cards-site.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * Share cards: cached on disk by a hash of everything that changes their pixels, and the same
 * bytes for the same input. One scratch copy of the fixture site (two articles on one page:
 * three cards) is built cold, again with nothing changed, again with the cache deleted, and
 * once more after one headline changed.
 */
describe('share cards: cache and determinism', () => {
  let root: string;
  let cold: Build;
  let coldCards: Map<string, Buffer>;

  beforeAll(async () => {
    root = await scratchSite('cards-cache');
    cold = await buildSite(root);
    coldCards = await cardFiles(cold.outDir);
  });

  it('a cold build renders every card: one per article and one per page', () => {
    expect([...coldCards.keys()]).toEqual(['2024-01-15/1/card.png', '2024-01-15/1/lantern/card.png', '2024-01-15/1/weather/card.png']);
    expect(cold.rendered).toBe(3);
    expect(cold.cached).toBe(0);
  });

  it('a rebuild with nothing changed renders no card and writes the same bytes', async () => {
    const warm = await buildSite(root);
    expect(warm.rendered).toBe(0);
    expect(warm.cached).toBe(3);
    expect(await cardFiles(warm.outDir)).toEqual(coldCards);
  });

  it('the same input gives byte-identical PNGs when rendered again from scratch', async () => {
    await rm(path.join(root, 'node_modules/.astro/newsprint-cards'), { recursive: true, force: true });
    const again = await buildSite(root);
    expect(again.rendered).toBe(3);
    expect(await cardFiles(again.outDir)).toEqual(coldCards);
  });

  it("changing one headline re-renders exactly that article's card and its page's card", async () => {
    const file = path.join(root, 'content/2024-01-15/lantern.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('点亮夜市', '照亮夜市'));
    const changed = await buildSite(root);
    expect(changed.rendered).toBe(2);
    expect(changed.cached).toBe(1);
    const cards = await cardFiles(changed.outDir);
    expect(cards.get('2024-01-15/1/lantern/card.png')).not.toEqual(coldCards.get('2024-01-15/1/lantern/card.png'));
    expect(cards.get('2024-01-15/1/card.png')).not.toEqual(coldCards.get('2024-01-15/1/card.png'));
    expect(cards.get('2024-01-15/1/weather/card.png')).toEqual(coldCards.get('2024-01-15/1/weather/card.png'));
  });

  it('a character no font has is reported by the build, naming the article and the character', async () => {
    const file = path.join(root, 'content/2024-01-15/weather.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('headline: 本周晴好为主', 'headline: 本周晴好为主☀️𠮷野家开业'));
    const { output } = await buildSite(root);
    const warnings = output.split('\n').filter((line) => line.includes('U+20BB7'));
    // Once, against the article's file, though the headline is on its card and its page's card.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('content/2024-01-15/weather.mdx');
    expect(warnings[0]).toContain('“𠮷”');
    expect(warnings[0]).toContain('headline (主题)');
    // The emoji has an image: no warning for it.
    expect(output).not.toContain('U+2600');
  });
});
