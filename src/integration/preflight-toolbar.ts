import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HookParameters } from 'astro';
import { hasContentProblems } from '../loaders/problem-board.ts';
import { openLayoutBrowser } from '../preflight/layout-browser.ts';
import { viewChecker, type ViewChecker } from '../preflight/view-check.ts';
import { APP_ID, CHECK_EVENT, RESULT_EVENT, STALE_EVENT, type CheckRequest, type CheckResult } from '../toolbar/preflight-events.ts';


/** A page with a tick: the pre-press check's icon until it has counts to show. */
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" fill="none" stroke="#fff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d="M5 2.5h7l3.5 3.5v11.5H5z"/><path d="M12 2.5V6h3.5"/><path d="m7.5 12 2 2 3.5-4"/></svg>';

/**
 * The pre-press check in `astro dev` (`base` is the site's base path, from the edition): registers the dev toolbar app (src/toolbar/) and answers
 * its requests from the dev server, measuring page views in Chromium on the server itself. A
 * change under `content/` drops every result and tells the open views to ask again. In a
 * build nothing is added: the app exists only in the dev toolbar.
 */
export function preflightToolbar(base: string) {
  let root = '';
  let origin = '';
  let checker: ViewChecker | undefined;
  return {
    setup({ addDevToolbarApp, command, config }: HookParameters<'astro:config:setup'>) {
      if (command !== 'dev') return;
      root = fileURLToPath(config.root);
      addDevToolbarApp({ id: APP_ID, name: 'Pre-press check', icon: ICON, entrypoint: new URL('../toolbar/preflight-app.ts', import.meta.url) });
    },
    serverSetup({ server, toolbar }: HookParameters<'astro:server:setup'>) {
      const contentDir = path.join(root, 'content');
      checker = viewChecker({ root, contentDir, base, origin: () => origin, openBrowser: () => openLayoutBrowser({ tabs: 1 }), canMeasure: () => !hasContentProblems() });
      toolbar.on<CheckRequest>(CHECK_EVENT, async ({ pathname }) => {
        let result: CheckResult;
        try {
          result = { pathname, ...(await checker!.check(pathname)) };
        } catch (error) {
          result = { pathname, view: 'other', problems: [], error: `The pre-press check failed: ${(error as Error).message}` };
        }
        toolbar.send(RESULT_EVENT, result);
      });
      let timer: NodeJS.Timeout | undefined;
      const changed = (file: string) => {
        if (!file.startsWith(contentDir + path.sep)) return;
        checker?.invalidate();
        // Astro reloads its content store on the same change; ask again once it has.
        clearTimeout(timer);
        timer = setTimeout(() => toolbar.send(STALE_EVENT, {}), 400);
      };
      server.watcher.on('change', changed).on('add', changed).on('unlink', changed);
    },
    serverStart({ address }: HookParameters<'astro:server:start'>) {
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      origin = `http://${host === '[::]' ? '[::1]' : host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
    },
    async serverDone() {
      await checker?.close();
    },
  };
}
