export { pagesLoader, type ContentLoaderOptions } from './pages-loader.ts';
export { articlesLoader } from './articles-loader.ts';
export { ContentError } from './content-error.ts';
