import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle, readPage } from './helpers/content-files.ts';
import { buildSite } from './helpers/cards-site.ts';
import { scratchSite } from './helpers/scratch-site.ts';
import { builtSiteDir } from './helpers/paths.ts';

/**
 * Open Graph and Twitter card metadata, read from the built HTML by a third-party parser
 * (open-graph-scraper, given the HTML: no network), as a social network would read it. Every
 * field the share card needs is checked, and the image it names must exist with the declared
 * size. The fixture site serves under `/paper/`, so it checks that the base path is respected.
 */

async function scrape(file: string) {
  const { error, result } = await ogs({ html: readFileSync(file, 'utf8') });
  expect(error).toBe(false);
  return result;
}

/** Checks the og:image of `result` against the built file it names, and returns its URL. */
async function checkImage(result: Awaited<ReturnType<typeof scrape>>, site: string, base: string, outDir: string) {
  const image = result.ogImage?.[0];
  expect(image).toBeDefined();
  const url = new URL(image!.url);
  // OGP: og:image must be an absolute URL (ogp.me, "Basic Metadata").
  expect(`${url.origin}/`).toBe(site);
  expect(url.pathname.startsWith(base)).toBe(true);
  expect(url.pathname.endsWith('/card.png')).toBe(true);
  expect(image!.type).toBe('image/png');
  expect(Number(image!.width)).toBe(1200);
  expect(Number(image!.height)).toBe(630);
  expect(image!.alt?.length ?? 0).toBeGreaterThan(10);
  const file = path.join(outDir, url.pathname.slice(base.length));
  expect(existsSync(file), file).toBe(true);
  const meta = await sharp(file).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  expect(statSync(file).size).toBeLessThanOrEqual(300 * 1024);
  expect(result.twitterCard).toBe('summary_large_image');
  return url;
}

describe('share metadata of the sample site', () => {
  const page = readPage('2023-07-02/A03.yaml');
  const articles = [readArticle('2023-07-02/A03-1.md'), readArticle('2023-07-02/A03-2.md')];

  articles.forEach((article, i) => {
    it(`article ${i + 1}: every Open Graph field, and a card that exists`, async () => {
      const result = await scrape(path.join(builtSiteDir(), `2023-07-02/A03/${i + 1}/index.html`));
      const headline = article.data.headline.join('');
      expect(result.ogTitle).toBe(headline);
      expect(result.ogDescription?.length ?? 0).toBeGreaterThan(10);
      expect(result.ogType).toBe('article');
      expect(result.articlePublishedTime).toBe('2023-07-02T00:00:00+08:00');
      expect(result.ogSiteName).toBe('泉城示例日报');
      expect(result.ogImage?.[0]?.alt).toContain(headline);
      const url = await checkImage(result, 'https://epaper.example.com/', '/', builtSiteDir());
      expect(url.pathname).toBe(`/2023-07-02/A03/${i + 1}/card.png`);
    });
  });

  it('the page: every Open Graph field, its headlines in the description, and a card', async () => {
    const result = await scrape(path.join(builtSiteDir(), '2023-07-02/A03/index.html'));
    expect(result.ogTitle).toContain(page.section);
    expect(result.ogType).toBe('website');
    expect(result.articlePublishedTime).toBe('2023-07-02T00:00:00+08:00');
    expect(result.ogSiteName).toBe('泉城示例日报');
    for (const article of articles) expect(result.ogDescription).toContain(article.data.headline.join(''));
    const url = await checkImage(result, 'https://epaper.example.com/', '/', builtSiteDir());
    expect(url.pathname).toBe('/2023-07-02/A03/card.png');
  });
});

describe('share metadata under a base path (the fixture site, base /paper/)', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = (await buildSite(await scratchSite('share-meta'))).outDir;
  });

  for (const [view, expected] of [
    ['2024-01-15/1/lantern', '/paper/2024-01-15/1/lantern/card.png'],
    ['2024-01-15/1/weather', '/paper/2024-01-15/1/weather/card.png'],
    ['2024-01-15/1', '/paper/2024-01-15/1/card.png'],
  ] as const) {
    it(`${view}: og:image is absolute, carries the base path, and the file exists`, async () => {
      const result = await scrape(path.join(outDir, view, 'index.html'));
      const url = await checkImage(result, 'https://fixture.example.org/', '/paper/', outDir);
      expect(url.pathname).toBe(expected);
      expect(result.ogSiteName).toBe('测试晚报');
      expect(result.ogType).toBe(view.split('/').length === 3 ? 'article' : 'website');
    });
  }
});
