import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './helpers/browser.ts';
import { startDev, waitFor, type DevServer } from './helpers/dev-server.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * The preview (`astro dev` on 127.0.0.1) rejects what the build rejects, shows it in the
 * browser as Astro's error overlay (HTTP 500, never the old page with 200), and comes back
 * without a restart once the editor follows the advice. One dev server runs every case in turn
 * on a scratch copy of the fixture site (base path /paper/).
 */

const overlay = (body: string) => body.includes('<title>NewsprintContentError</title>');

describe('content errors in the preview', () => {
  let root: string;
  let dev: DevServer;
  let session: Session;
  let lantern: string;
  const file = (name: string) => path.join(root, 'content/2024-01-15', name);
  const article = () => `${dev.url}2024-01-15/1/lantern/`;

  beforeAll(async () => {
    root = await scratchSite('content-preview');
    lantern = await readFile(file('lantern.md'), 'utf8');
    // It starts with a mistake: the server must come up and show it, not die.
    await writeFile(file('lantern.md'), lantern.replace('kicker:', 'kiker:'));
    dev = await startDev(root, '/paper/');
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
    await dev?.stop();
  });

  it('a mistake present at start-up is shown in the browser as the error overlay, with file, line and fix', async () => {
    const page = await waitFor(article(), (p) => p.status === 500);
    expect(overlay(page.body)).toBe(true);
    const tab = await session.context.newPage();
    await tab.goto(article());
    const shown = await tab.waitForFunction(
      () => {
        const element = document.querySelector('vite-error-overlay');
        const text = element?.shadowRoot?.textContent ?? '';
        return text.includes('kiker') ? text : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    const text = String(await shown.jsonValue());
    expect(text).toContain('content/2024-01-15/lantern.md');
    expect(text).toContain('`kiker` is not a field of an article; did you mean `kicker`?'.replaceAll('`', ''));
    expect(text).toContain('Correct the file as each line says and save it');
    expect(text).not.toMatch(/src\/loaders\//);
    expect(dev.output()).toContain('`kiker` is not a field of an article; did you mean `kicker`?');
    await tab.close();
    expect(session.offsite).toEqual([]);
  });

  it('following the advice brings the page back without a restart', async () => {
    await writeFile(file('lantern.md'), lantern);
    const page = await waitFor(article(), (p) => p.status === 200);
    expect(page.body).toContain('元宵将至');
  });

  it('a duplicate order is rejected as in the build, and removing it fixes the preview', async () => {
    await writeFile(file('twice.md'), '---\npage: 1\norder: 2\nheadline: 重复\n---\n\n正文。\n');
    const page = await waitFor(`${dev.url}2024-01-15/1/`, (p) => p.status === 500);
    expect(overlay(page.body)).toBe(true);
    expect(dev.output()).toMatch(/`order` 2 is also the order of content\/2024-01-15\/(weather\.mdx|twice\.md) on page 1/);
    await rm(file('twice.md'));
    await waitFor(`${dev.url}2024-01-15/1/`, (p) => p.status === 200);
  });

  it('deleting a page file says so (not a 404), and creating it again brings its articles back', async () => {
    const pageFile = file('1.yaml');
    const saved = await readFile(pageFile, 'utf8');
    await rm(pageFile);
    const issue = await waitFor(`${dev.url}2024-01-15/`, (p) => p.status === 500);
    expect(overlay(issue.body)).toBe(true);
    expect(dev.output()).toMatch(/there is no page 1 in the issue of 2024-01-15; create content\/2024-01-15\/1\.yaml/);
    await writeFile(pageFile, saved);
    // The article files were not touched: the page and the article come back all the same.
    const page = await waitFor(article(), (p) => p.status === 200);
    expect(page.body).toContain('老街花灯');
    await waitFor(`${dev.url}2024-01-15/1/`, (p) => p.status === 200 && p.body.includes('本周晴好为主'));
  });

  it('an image next to its article is served by the preview under the issue folder, as the build publishes it', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await mkdir(file('photos'), { recursive: true });
    await writeFile(file('photos/dusk.png'), png);
    await writeFile(file('dusk.md'), '---\npage: 1\norder: 9\nheadline: 黄昏\nfigures:\n  - caption: 黄昏的老街\n    image: ./photos/dusk.png\n---\n\n正文。\n');
    const page = await waitFor(`${dev.url}2024-01-15/1/dusk/`, (p) => p.status === 200);
    expect(page.body).toContain('src="/paper/2024-01-15/photos/dusk.png"');
    const image = await fetch(`${dev.url}2024-01-15/photos/dusk.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);
    await rm(file('dusk.md'));
    await rm(file('photos'), { recursive: true });
    await waitFor(`${dev.url}2024-01-15/1/dusk/`, (p) => p.status === 404);
    expect((await fetch(`${dev.url}2024-01-15/photos/dusk.png`)).status).toBe(404);
  });

  it('two saves in quick succession never leave a stale page', async () => {
    await writeFile(file('lantern.md'), lantern.replace('元宵将至', '第一次保存'));
    await writeFile(file('lantern.md'), lantern.replace('元宵将至', '第二次保存'));
    await waitFor(article(), (p) => p.status === 200 && p.body.includes('第二次保存'));
    await new Promise((r) => setTimeout(r, 2000));
    const later = await waitFor(article(), (p) => p.status === 200);
    expect(later.body).toContain('第二次保存');
    expect(later.body).not.toContain('第一次保存');
  });
});
