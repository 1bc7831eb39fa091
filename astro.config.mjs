// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import newsprint from './src/index.ts';

// The sample e-paper. The paper's real name is unknown (see README): the masthead is a
// clearly marked sample value.
export default defineConfig({
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
