/**
 * `npm run preflight -- [--date YYYY-MM-DD [--page A03]] [--json] [--url http://127.0.0.1:4321/]
 * [--dist dist [--base /]] [--root .] [--content content] [--no-layout]`: the pre-press check.
 * Content checks read the files; layout checks measure every page view in Chromium: on the
 * site's own dev server (started here, on 127.0.0.1), on one already running (`--url`, for
 * example `npm run dev`'s), or on a built site (`--dist`, the fastest for a whole archive).
 * Prints a report grouped by page, or with `--json` the stable contract
 * `{ "problems": [{ kind, severity, file, page, article?, line?, message }] }`.
 * Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 wrong usage.
 */
import path from 'node:path';
import { parseCliOptions } from '../src/preflight/cli-options.ts';

async function main(argv: string[]): Promise<number> {
  // npm runs scripts from the project root; relative paths start where the user ran npm.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const options = parseCliOptions(argv, cwd);
  if (typeof options === 'string') {
    process.stderr.write(options);
    return 2;
  }
  const started = performance.now();
  // Loaded only now: wrong usage answers at once.
  const [{ openLayoutBrowser }, { toJson }, { formatReport }, { runPreflight }] = await Promise.all([
    import('../src/preflight/layout-browser.ts'),
    import('../src/preflight/problem.ts'),
    import('../src/preflight/report.ts'),
    import('../src/preflight/run-preflight.ts'),
  ]);
  let site: { url: string; stop(): Promise<void> } | undefined;
  let browser: Awaited<ReturnType<typeof openLayoutBrowser>> | undefined;
  try {
    if (options.layout) {
      if (options.url) site = { url: options.url, stop: async () => {} };
      else if (options.dist) {
        const { serveStatic } = await import('../src/serve/static-site.ts');
        const server = await serveStatic(options.dist, options.base);
        site = { url: `${server.origin}${options.base}`, stop: () => server.close() };
      } else site = await (await import('../src/preflight/start-site.ts')).startSite(options.root);
      browser = await openLayoutBrowser();
    }
    const base = site?.url;
    const { problems, pages } = await runPreflight({
      root: options.root,
      contentDir: options.contentDir,
      ...(options.date ? { date: options.date } : {}),
      ...(options.page ? { page: options.page } : {}),
      ...(browser && base ? { browser, pageUrl: (date: string, page: string) => new URL(`${date}/${encodeURIComponent(page)}/`, base).href } : {}),
      onPage: (_page, i, total) => {
        if (process.stderr.isTTY && !options.json) process.stderr.write(`\rmeasured ${i}/${total} pages`);
      },
    });
    if (process.stderr.isTTY && !options.json) process.stderr.write('\r\x1b[K');
    if (options.date && pages.length === 0) {
      process.stderr.write(`There is no issue of ${options.date}${options.page ? ` with a page ${options.page}` : ''} in ${path.relative(cwd, options.contentDir) || '.'}.\n`);
      return 2;
    }
    if (options.json) process.stdout.write(`${JSON.stringify({ problems: problems.map(toJson) }, null, 2)}\n`);
    else {
      process.stdout.write(formatReport(problems, pages.length));
      process.stderr.write(`(${((performance.now() - started) / 1000).toFixed(1)} s for ${pages.length} page${pages.length === 1 ? '' : 's'}${browser ? '' : ', content checks only'})\n`);
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  } finally {
    await browser?.close();
    await site?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
