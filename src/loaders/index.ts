export { pagesLoader, type ContentLoaderOptions } from './pages-loader.ts';
export { articlesLoader, type ArticleEntryData } from './articles-loader.ts';
