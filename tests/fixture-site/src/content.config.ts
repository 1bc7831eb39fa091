import { defineCollection } from 'astro:content';
import { articlesLoader, pagesLoader } from '../../../src/loaders/index.ts';

export const collections = {
  pages: defineCollection({ loader: pagesLoader({ base: './content' }) }),
  articles: defineCollection({ loader: articlesLoader({ base: './content' }) }),
};
