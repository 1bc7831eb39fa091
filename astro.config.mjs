// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import newsprint from './src/index.ts';

// The sample e-paper. The paper's real name is unknown (see README): the masthead is a
// clearly marked sample value.
export default defineConfig({
  // Incremental builds: a page or card whose cacheKey (src/data/cache-keys.ts, the card
  // cache key) and code are unchanged is copied from the last build instead of rendered.
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    newsprint({
      paperName: '泉城示例日报',
      sample: true,
      site: 'https://epaper.example.com',
      base: '/',
      timeZone: 'Asia/Shanghai',
    }),
  ],
});
