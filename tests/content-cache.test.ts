import { readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAstro, type RunResult } from './helpers/astro-cli.ts';
import { attr, byTag, findAll, hasClass, loadPage, text } from './helpers/html.ts';
import { projectRoot } from './helpers/paths.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * The content rules hold on every build, whatever Astro's content-layer cache holds: one
 * scratch site is built cold (and checked: ids unique by construction, slugs from file names,
 * empty fields, a declared extra field, an image in public/, hard-wrapped Latin), then broken
 * in ways that touch no cached article file, and built again warm.
 */

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Another 1×1 PNG (one white pixel), for the image next to its article. */
const SNOW = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

const files: Record<string, string | Buffer> = {
  'content/2024-01-16/1.yaml': 'date: "2024-01-16"\nnumber: "1"\nsection: 要闻\ncredits: []\n',
  // The same slug as 2024-01-15's weather.mdx: a daily column keeps its name every day.
  'content/2024-01-16/weather.md': [
    '---',
    'page: 1',
    'order: 1',
    'headline: 雨夹雪',
    'deck: ""',
    'lead:',
    'tags: []',
    'editorNote: 只在编辑部看',
    'figures:',
    '  - caption: 街头雨景',
    '    image: /2024-01-16/rain.png',
    // Kept next to the article, published under the folder.
    '  - caption: 雪后街景',
    '    image: ./photos/snow.png',
    '---',
    '',
    'The forecaster said',
    'that snow would follow. 雨夹雪将',
    '持续到周末。',
    '',
  ].join('\n'),
  'content/2024-01-16/brief.md': '---\npage: 1\norder: 2\nheadline: 简讯\nslug: 7\n---\n\n正文。\n',
  'public/2024-01-16/rain.png': PNG,
  'content/2024-01-16/photos/snow.png': SNOW,
};

describe('content rules on a warm cache', () => {
  let root: string;
  let first: RunResult;
  const outDir = () => path.join(root, 'dist');
  const build = () => runAstro(['build', '--root', root], projectRoot);

  beforeAll(async () => {
    root = await scratchSite('content-cache');
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    }
    // A site declares its own extra field; any other unknown field still stops the build.
    const config = path.join(root, 'src/content.config.ts');
    const source = await readFile(config, 'utf8');
    await writeFile(
      config,
      `import { z } from 'astro/zod';\n${source.replace("articlesLoader({ base: './content' })", "articlesLoader({ base: './content', fields: { editorNote: z.string().optional() } })")}`,
    );
    first = await build();
  });

  it('a cold build publishes two articles with the same slug in two issues', () => {
    expect(first.code, first.output).toBe(0);
    expect(text(findAll(loadPage('/2024-01-15/1/weather/', outDir()), byTag('h1'))[0]!)).toBe('本周晴好为主');
    expect(text(findAll(loadPage('/2024-01-16/1/weather/', outDir()), byTag('h1'))[0]!)).toBe('雨夹雪');
  });

  it('slugs come from the file name (lantern.md → lantern), and slug: 7 is read as text', () => {
    expect(text(findAll(loadPage('/2024-01-15/1/lantern/', outDir()), byTag('h1'))[0]!)).toContain('老街花灯');
    expect(text(findAll(loadPage('/2024-01-16/1/7/', outDir()), byTag('h1'))[0]!)).toBe('简讯');
  });

  it('empty optional fields are left out, the extra field is accepted, the images come from public/ and from beside the article, under the base path', async () => {
    const doc = loadPage('/2024-01-16/1/weather/', outDir());
    // The headline group holds the headline alone: no empty deck (副题) line.
    const group = findAll(doc, byTag('hgroup'))[0]!;
    expect((group.childNodes ?? []).filter((n) => n.tagName).map((n) => n.tagName)).toEqual(['h1']);
    const img = findAll(doc, byTag('img'));
    expect(img.map((i) => attr(i, 'src'))).toEqual(['/paper/2024-01-16/rain.png', '/paper/2024-01-16/photos/snow.png']);
    // The image next to the article is in the site, byte for byte, and the page view shows it too.
    expect(await readFile(path.join(outDir(), '2024-01-16/photos/snow.png'))).toEqual(SNOW);
    expect(findAll(loadPage('/2024-01-16/1/', outDir()), byTag('img')).map((i) => attr(i, 'src'))).toContain('/paper/2024-01-16/photos/snow.png');
    expect(text(doc)).not.toContain('只在编辑部看');
  });

  it('hard-wrapped lines join with a space between Latin words and none between Chinese characters', () => {
    const body = text(findAll(loadPage('/2024-01-16/1/weather/', outDir()), hasClass('np-article-body'))[0]!);
    expect(body).toContain('The forecaster said that snow would follow. 雨夹雪将持续到周末。');
  });

  it('deleting a page file stops the warm build, naming the articles left without it, and publishes nothing new', async () => {
    const before = (await stat(path.join(outDir(), '2024-01-16/1/weather/index.html'))).mtimeMs;
    await rm(path.join(root, 'content/2024-01-16/1.yaml'));
    const warm = await build();
    expect(warm.code).not.toBe(0);
    expect(warm.output).toMatch(/content\/2024-01-16\/brief\.md:\n  - line 2, column 7: there is no page 1 in the issue of 2024-01-16; create content\/2024-01-16\/1\.yaml/);
    expect(warm.output).toMatch(/content\/2024-01-16\/weather\.md:\n  - line 2, column 7: there is no page 1 in the issue of 2024-01-16/);
    // The failed build stopped before writing: the last good output is still there, untouched.
    expect((await stat(path.join(outDir(), '2024-01-16/1/weather/index.html'))).mtimeMs).toBe(before);
    await writeFile(path.join(root, 'content/2024-01-16/1.yaml'), files['content/2024-01-16/1.yaml']!);
  });

  it('deleting an image next to a cached article stops the warm sync, naming the article, the figure and the file', async () => {
    await rm(path.join(root, 'content/2024-01-16/photos/snow.png'));
    const warm = await runAstro(['sync', '--root', root], projectRoot);
    await writeFile(path.join(root, 'content/2024-01-16/photos/snow.png'), SNOW);
    expect(warm.code).not.toBe(0);
    expect(warm.output).toMatch(/content\/2024-01-16\/weather\.md:\n(  - .*\n)*  - line \d+, column \d+: `image` of figure 2 is content\/2024-01-16\/photos\/snow\.png, next to the article, and there is no such file/);
  });

  it('a new article reusing a cached article’s order or slug stops the warm sync, naming both files', async () => {
    await writeFile(path.join(root, 'content/2024-01-15/late.md'), '---\npage: 1\norder: 2\nheadline: 迟到\nslug: lantern\n---\n\n正文。\n');
    const warm = await runAstro(['sync', '--root', root], projectRoot);
    await rm(path.join(root, 'content/2024-01-15/late.md'));
    expect(warm.code).not.toBe(0);
    expect(warm.output).toMatch(/content\/2024-01-15\/late\.md:\n(  - .*\n)*  - line 3, column 8: `order` 2 is also the order of content\/2024-01-15\/weather\.mdx on page 1/);
    expect(warm.output).toMatch(/its address lantern .* is also the address of content\/2024-01-15\/lantern\.md on page 1/);
  });

  it('an undeclared field still stops the build, with the declared one among the suggestions', async () => {
    const file = path.join(root, 'content/2024-01-16/brief.md');
    await writeFile(file, '---\npage: 1\norder: 2\nheadline: 简讯\neditorNotes: x\n---\n\n正文。\n');
    const warm = await runAstro(['sync', '--root', root], projectRoot);
    expect(warm.code).not.toBe(0);
    expect(warm.output).toContain('line 5, column 1: `editorNotes` is not a field of an article; did you mean `editorNote`?');
  });
});
