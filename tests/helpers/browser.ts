import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/chromium.ts';

/**
 * Debian's Chromium driven by playwright-core, launched as it works in a container run as root:
 * headless, no sandbox (Chromium refuses to start its sandbox as root), a fresh profile and
 * config folders per launch.
 */

/** The binary to drive: CHROMIUM_PATH, else Debian's (scripts/chromium.ts checks it before any test). */
export const CHROMIUM = chromiumPath();

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Session {
  browser: Browser;
  context: BrowserContext;
  /** Requests the page made to anywhere but 127.0.0.1: each one is a test failure. */
  offsite: string[];
  close(): Promise<void>;
}

/** Launches Chromium and opens a context that blocks (and records) every off-site request. */
export async function launch(): Promise<Session> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'newsprint-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // playwright-core gives every launch a fresh temporary profile of its own.
    args: ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') },
  });
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  return {
    browser,
    context,
    offsite,
    close: async () => {
      await browser.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Opens `url` at a viewport `width` wide and waits until its web fonts have loaded. */
export async function open(session: Session, url: string, width: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}
