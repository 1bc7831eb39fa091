// @ts-check
// A second, minimal site that uses Newsprint as any other site would: proof that it is a
// plugin, not a one-off. It serves under a base path to keep links honest.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import newsprint from '../../src/index.ts';

export default defineConfig({
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    newsprint({ paperName: '测试晚报', site: 'https://fixture.example.org', base: '/paper/', format: 'tabloid' }),
  ],
});
