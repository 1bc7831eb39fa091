import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import sitemap from '@astrojs/sitemap';
import { EDITION_NAMES, edition } from './helpers/editions.ts';
import { htmlFiles, urlOf } from './helpers/site-files.ts';
import { SITEMAP_ENTRY_LIMIT, sitemapOptions } from '../src/integration/sitemap.ts';

/**
 * The RSS feed (`@astrojs/rss`) and the sitemap (`@astrojs/sitemap`) as the editions' builds
 * wrote them, read with a real XML parser; and the sitemap's split into an index past 50,000
 * URLs, by running the sitemap integration's own build hook with Newsprint's options on
 * 120,000 URLs (six years of a daily).
 */
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });
const read = async (file: string) => xml.parse(await readFile(file, 'utf8'));

describe('the RSS feed, /rss.xml', () => {
  it('the edition: every article of the latest three issues, newest issue first, with headline, link, date and description', async () => {
    const built = edition('edition');
    const feed = (await read(path.join(built.outDir, 'rss.xml'))).rss.channel;
    expect(feed.title).toBe('测试晚报');
    expect(feed.language).toBe('zh-cn');
    expect(feed.link).toBe('https://fixture.example.org/paper/');
    const items = feed.item as { title: string; link: string; pubDate: string; description: string; guid: { '#text': string } }[];
    // The latest three issues: 8 March (4 articles), 15 January (2), 2 January (7).
    const articleFiles = htmlFiles(built.outDir).filter((f) => /^(2024-03-08|2024-01-15|2024-01-02)\/[^/]+\/[^/]+\/index\.html$/.test(f));
    expect(items).toHaveLength(articleFiles.length);
    expect(new Set(items.map((i) => i.link))).toEqual(new Set(articleFiles.map((f) => new URL(urlOf(built, f), built.site).href)));
    expect(items[0]!.link.startsWith('https://fixture.example.org/paper/2024-03-08/')).toBe(true);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.description.length).toBeGreaterThan(5);
      expect(item.guid['#text']).toBe(item.link);
      // Midnight of the issue date in Asia/Shanghai is 16:00 UTC the day before.
      const date = /\/paper\/(\d{4}-\d{2}-\d{2})\//.exec(item.link)![1]!;
      expect(new Date(item.pubDate).toISOString()).toBe(new Date(`${date}T00:00:00+08:00`).toISOString());
    }
  });

  it('the sample: both articles, the lead as description', async () => {
    const items = (await read(path.join(edition('sample').outDir, 'rss.xml'))).rss.channel.item;
    expect(items.map((i: { link: string }) => i.link)).toEqual(['https://epaper.example.com/2023-07-02/A03/1/', 'https://epaper.example.com/2023-07-02/A03/2/']);
    expect(items[1].description).toMatch(/^6月29日，为期三天的第七届全国残疾人职业技能大赛/);
  });
});

describe('the sitemap', () => {
  for (const name of EDITION_NAMES) {
    it(`${name}: an index naming one file that lists every view but the home and 404 pages`, async () => {
      const built = edition(name);
      const index = (await read(path.join(built.outDir, 'sitemap-index.xml'))).sitemapindex.sitemap as { loc: string }[];
      expect(index.map((s) => s.loc)).toEqual([new URL(`${built.base}sitemap-0.xml`, built.site).href]);
      const urls = ((await read(path.join(built.outDir, 'sitemap-0.xml'))).urlset.url as { loc: string }[]).map((u) => u.loc);
      const views = htmlFiles(built.outDir).filter((f) => f !== '404.html' && f !== 'index.html');
      expect(urls.sort()).toEqual(views.map((f) => new URL(urlOf(built, f), built.site).href).sort());
    });
  }

  it('splits into an index of files of at most 50,000 URLs: 120,000 URLs make three files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsprint-sitemap-'));
    try {
      const home = 'https://epaper.example.com/';
      const integration: AstroIntegration = sitemap(sitemapOptions(home));
      const hooks = integration.hooks as Record<string, (params: unknown) => Promise<void> | void>;
      const logger = { info() {}, warn() {}, error(m: string) { throw new Error(m); } };
      await hooks['astro:routes:resolved']!({ routes: [] });
      await hooks['astro:config:done']!({ config: { site: home, base: '/', trailingSlash: 'always', build: { format: 'directory' } } });
      const pages = Array.from({ length: 120_000 }, (_, i) => ({ pathname: `${2015 + Math.floor(i / 20_000)}-01-01/A${i}/` }));
      await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: [{ pathname: '' }, { pathname: '404/' }, ...pages], logger });
      const files = (await readdir(dir)).sort();
      expect(files).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
      const index = (await read(path.join(dir, 'sitemap-index.xml'))).sitemapindex.sitemap as { loc: string }[];
      expect(index.map((s) => s.loc)).toEqual(files.slice(0, 3).map((f) => `${home}${f}`));
      let total = 0;
      for (const file of files.slice(0, 3)) {
        const count = ((await read(path.join(dir, file))).urlset.url as unknown[]).length;
        expect(count).toBeLessThanOrEqual(SITEMAP_ENTRY_LIMIT);
        total += count;
      }
      expect(total).toBe(120_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
