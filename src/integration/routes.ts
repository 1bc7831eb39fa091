/**
 * The routes Newsprint adds to the site. Each entrypoint is an `.astro` file or endpoint
 * under `src/routes/`, resolved against this file so the integration works from any site.
 */
const route = (pattern: string, file: string) => ({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });

export const routes = [
  route('/', 'Home.astro'),
  route('/archive/', 'Archive.astro'),
  route('/archive/[year]/', 'ArchiveYear.astro'),
  route('/search/', 'Search.astro'),
  route('/rss.xml', 'rss.xml.ts'),
  route('/404', 'NotFound.astro'),
  route('/[date]/', 'IssueView.astro'),
  route('/[date]/[page]/', 'PageView.astro'),
  route('/[date]/[page]/[article]/', 'ArticleView.astro'),
];
