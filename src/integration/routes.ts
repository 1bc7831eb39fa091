/**
 * The routes Newsprint adds to the site. Each entrypoint is an `.astro` file under
 * `src/routes/`, resolved against this file so the integration works from any site.
 */
export const routes = [
  { pattern: '/', entrypoint: new URL('../routes/Home.astro', import.meta.url) },
  { pattern: '/[date]/', entrypoint: new URL('../routes/IssueView.astro', import.meta.url) },
  { pattern: '/[date]/[page]/', entrypoint: new URL('../routes/PageView.astro', import.meta.url) },
  { pattern: '/[date]/[page]/[article]/', entrypoint: new URL('../routes/ArticleView.astro', import.meta.url) },
];
