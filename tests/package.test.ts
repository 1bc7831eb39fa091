import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH } from '../src/model/share.ts';
import { runAstro } from './helpers/astro-cli.ts';
import { launch, type Session } from './helpers/browser.ts';
import { attr, byTag, findAll, hasClass, loadPage, text } from './helpers/html.ts';
import { projectRoot, scratchDir } from './helpers/paths.ts';
import { readmeFiles } from './helpers/readme-files.ts';
import { serveStatic, type StaticServer } from './helpers/static-server.ts';

/**
 * Newsprint as a user installs it: `npm pack` makes the tarball, which is unpacked into a
 * brand-new site's node_modules (what `npm install <tarball>` does, without the network), and
 * the site's own files are the ones the README's "Use it in your own site" shows, taken from
 * the README itself. The site lives in this run's scratch folder, inside the project only so
 * that Newsprint's own dependencies (astro, satori, sharp, …) resolve from the project's
 * node_modules as they would from the site's.
 */
const site = () => path.join(scratchDir(), 'package-site');
const dist = () => path.join(site(), 'dist');

interface Packed {
  filename: string;
  size: number;
  files: { path: string }[];
}
let packed: Packed;
let readme: Map<string, string>;

/** A host site's own stylesheet, with Newsprint's old bare class names and custom properties. */
const HOST_CSS = `
:root { --ink: #f00; --paper: #000; --accent: #0f0; --rule: #00f; --columns: 2; --row: 3; --col: 2; --span: 1;
  --side: 2; --body-columns: 1; --body-start: 1; --gutter: 9; --column-chars: 3; --headline-xl: 1em; }
.headline, .kicker, .deck, .lead, .byline, .article, .article-body, .figure, .figure-frame, .phrase,
.phrase-text, .section-head, .credit-line, .credit, .headline-stack, .sheet, .block, .grid, .print,
.masthead, .folio, .reader, .chrome, .plain, .skip, .page-nav, .sample-notice, .article-pager {
  color: #f0f !important; background: #ff0 !important; font: 50px/3 monospace !important;
  display: block !important; margin: 3em !important; letter-spacing: 1em !important;
}
`;
const HOST_PAGE = `---
import '../styles/host.css';
---
<html lang="en"><head><title>About us</title></head>
<body><h1 class="headline">About us</h1><article class="article"><p class="lead">Our own page.</p></article></body></html>
`;

describe('the npm package, installed into a brand-new site as the README says', () => {
  beforeAll(async () => {
    const packDir = path.join(scratchDir(), 'pack');
    await rm(site(), { recursive: true, force: true });
    await mkdir(packDir, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: projectRoot, encoding: 'utf8' });
    packed = (JSON.parse(out) as Packed[])[0]!;
    readme = readmeFiles(readFileSync(path.join(projectRoot, 'README.md'), 'utf8'), 'Use it in your own site');
    for (const [file, content] of readme) {
      await mkdir(path.dirname(path.join(site(), file)), { recursive: true });
      await writeFile(path.join(site(), file), content);
    }
    // `npm install <tarball>`: the package's files under node_modules/<name>.
    const installed = path.join(site(), 'node_modules/astro-newsprint');
    await mkdir(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(packDir, packed.filename), '-C', installed, '--strip-components=1']);
    // The host's own page and stylesheet, beside Newsprint's routes.
    await mkdir(path.join(site(), 'src/pages'), { recursive: true });
    await mkdir(path.join(site(), 'src/styles'), { recursive: true });
    await writeFile(path.join(site(), 'src/styles/host.css'), HOST_CSS);
    await writeFile(path.join(site(), 'src/pages/about.astro'), HOST_PAGE);
    const result = await runAstro(['build'], site());
    expect(result.code, result.output).toBe(0);
  });

  it('packs the source, the layouts, the README and the licence, and no tests, scripts or sample content', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'src/index.ts', 'src/loaders/index.ts', 'src/schemas/index.ts', 'layouts/BaseLayout.astro']));
    expect(files.filter((f) => !/^(src\/|layouts\/|package\.json$|README\.md$|LICENSE$)/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(site(), 'node_modules/astro-newsprint/package.json'), 'utf8'));
    expect(manifest.keywords).toContain('astro-integration');
    expect(manifest.peerDependencies.astro).toMatch(/^\^7\./);
    for (const entry of ['.', './loaders', './schemas']) expect(manifest.exports[entry]).toBeDefined();
  });

  it('uses only the files the README shows, and Newsprint from its own node_modules', () => {
    expect([...readme.keys()].sort()).toEqual(['astro.config.mjs', 'content/2024-03-01/A01-1.md', 'content/2024-03-01/A01.yaml', 'package.json', 'src/content.config.ts']);
    const config = readme.get('astro.config.mjs')!;
    expect(config).toContain("from 'astro-newsprint'");
    expect(readme.get('src/content.config.ts')).toContain("from 'astro-newsprint/loaders'");
    const require = createRequire(path.join(site(), 'package.json'));
    expect(require.resolve('astro-newsprint/package.json')).toBe(path.join(site(), 'node_modules/astro-newsprint/package.json'));
  });

  it('builds the page view and the article view', () => {
    const page = loadPage('/2024-03-01/A01/', dist());
    const blocks = findAll(page, hasClass('np-block'));
    expect(blocks).toHaveLength(1);
    expect(text(findAll(blocks[0]!, hasClass('np-headline'))[0]!)).toBe('春风送暖 老城焕新');
    const article = loadPage('/2024-03-01/A01/1/', dist());
    expect(text(findAll(article, byTag('h1'))[0]!)).toBe('春风送暖 老城焕新');
    expect(findAll(article, hasClass('np-section-head')).map(text)).toEqual(['街巷更新']);
    expect(text(findAll(article, hasClass('np-credit-line'))[0]!)).toBe('编辑：王小明');
  });

  it('writes both share cards, 1200×630 PNGs named by og:image', async () => {
    for (const url of ['/2024-03-01/A01/', '/2024-03-01/A01/1/']) {
      const meta = findAll(loadPage(url, dist()), byTag('meta')).find((m) => attr(m, 'property') === 'og:image')!;
      expect(attr(meta, 'content')).toBe(`https://epaper.example.com${url}card.png`);
      const card = await sharp(path.join(dist(), url, 'card.png')).metadata();
      expect([card.format, card.width, card.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    }
  });

  describe('a host stylesheet in Chromium', () => {
    let session: Session;
    let server: StaticServer;
    beforeAll(async () => {
      session = await launch();
      server = await serveStatic(dist());
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    /**
     * Every element's computed style (and its ::before and ::after), Newsprint's own custom
     * properties included, kept in the page: the first call stores it, the second returns how
     * many declarations there are and those that differ from the first (at most 20, so a failure
     * names the element and the property). Comparing inside the page saves sending two copies
     * of some hundred thousand declarations over the DevTools protocol.
     */
    const styles = () => {
      // Not the <style> the test adds: only the elements Newsprint wrote.
      const lines = [...document.querySelectorAll(':not(style)')].flatMap((el, i) =>
        [null, '::before', '::after'].flatMap((pseudo) => {
          const cs = getComputedStyle(el, pseudo);
          const at = `${i}:${el.tagName}.${el.getAttribute('class') ?? ''}${pseudo ?? ''}`;
          return [...cs].filter((p) => !p.startsWith('--') || p.startsWith('--np-')).map((p) => `${at} ${p}: ${cs.getPropertyValue(p)}`);
        }),
      );
      const store = window as unknown as { npBefore?: Set<string> };
      if (!store.npBefore) {
        store.npBefore = new Set(lines);
        return { count: lines.length, changed: [] as string[] };
      }
      const was = store.npBefore;
      return { count: lines.length, changed: lines.filter((line) => !was.has(line)).slice(0, 20) };
    };

    it('the host page is styled by its own stylesheet and by nothing of Newsprint', async () => {
      const tab = await session.context.newPage();
      await tab.goto(`${server.origin}/about/`);
      expect(await tab.$eval('h1', (h) => getComputedStyle(h).color)).toBe('rgb(255, 0, 255)');
      const css = await tab.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
      expect(css).toContain('.headline');
      expect(css).not.toMatch(/np-|Noto/);
      await tab.close();
    });

    for (const width of [1440, 390]) {
      it(`changes nothing on Newsprint's page and article views at ${width} px`, async () => {
        for (const url of ['/2024-03-01/A01/', '/2024-03-01/A01/1/']) {
          const tab = await session.context.newPage();
          await tab.setViewportSize({ width, height: 900 });
          await tab.goto(server.origin + url, { waitUntil: 'networkidle' });
          // Computed widths and heights are used values: let the web fonts settle first.
          await tab.evaluate(() => document.fonts.ready);
          const before = await tab.evaluate(styles);
          const shotBefore = await tab.screenshot({ fullPage: true });
          await tab.addStyleTag({ content: HOST_CSS });
          await tab.evaluate(() => document.fonts.ready);
          const after = await tab.evaluate(styles);
          expect(before.count, url).toBeGreaterThan(10_000);
          expect(after.count, url).toBe(before.count);
          expect(after.changed, url).toEqual([]);
          expect((await tab.screenshot({ fullPage: true })).equals(shotBefore), url).toBe(true);
          await tab.close();
        }
        expect(session.offsite).toEqual([]);
      });
    }
  });
});
