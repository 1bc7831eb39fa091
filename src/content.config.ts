import { defineCollection } from 'astro:content';
import { articlesLoader, pagesLoader } from './loaders/index.ts';

// This site is Newsprint's first user: its e-paper content lives in the top-level `content/`.
export const collections = {
  pages: defineCollection({ loader: pagesLoader({ base: './content' }) }),
  articles: defineCollection({ loader: articlesLoader({ base: './content' }) }),
};
