import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro } from './helpers/astro-cli.ts';
import { projectRoot } from './helpers/paths.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * Bad content stops the build with a message that names the file, the field and what is
 * expected. Each case copies the fixture site, breaks one file, and runs the real
 * `astro sync`, which runs Newsprint's loaders exactly as `astro build` does.
 */
async function siteWith(name: string, change: (content: string) => Promise<void>) {
  const root = await scratchSite(`bad-${name}`);
  await change(path.join(root, 'content'));
  return runAstro(['sync', '--root', root], projectRoot);
}

const article = (front: string, body = '正文。\n') => `---\n${front}\n---\n\n${body}`;

describe('bad content stops the build with a clear message', () => {
  it('a missing headline', async () => {
    const { code, output } = await siteWith('headline', (dir) =>
      writeFile(path.join(dir, '2024-01-15/lantern.md'), article('page: 1\norder: 1\nkicker: 元宵将至')),
    );
    expect(code).not.toBe(0);
    expect(output).toContain('content/2024-01-15/lantern.md');
    expect(output).toMatch(/field `headline`: expected a headline \(主题\)/);
  });

  it('an invalid date in a page file', async () => {
    const { code, output } = await siteWith('date', async (dir) => {
      const file = path.join(dir, '2024-01-15/1.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2024-01-15', 'date: 2024-02-30'));
    });
    expect(code).not.toBe(0);
    expect(output).toContain('content/2024-01-15/1.yaml');
    expect(output).toMatch(/field `date`: expected a real calendar date written as YYYY-MM-DD/);
  });

  it('an issue folder that is not a date', async () => {
    const { code, output } = await siteWith('folder', async (dir) => {
      await mkdir(path.join(dir, '2024-13-01'));
      await writeFile(path.join(dir, '2024-13-01/x.md'), article('page: 1\norder: 1\nheadline: 标题'));
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/2024-13-01\/x\.md[\s\S]*the issue folder `2024-13-01` is not a real date/);
  });

  it('a page that does not exist', async () => {
    const { code, output } = await siteWith('page', (dir) =>
      writeFile(path.join(dir, '2024-01-15/extra.md'), article('page: 9\norder: 1\nheadline: 标题')),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/2024-01-15\/extra\.md[\s\S]*field `page`: there is no page 9 in the issue of 2024-01-15; create 2024-01-15\/9\.yaml/);
  });

  it('a duplicate article order', async () => {
    const { code, output } = await siteWith('order', (dir) =>
      writeFile(path.join(dir, '2024-01-15/extra.md'), article('page: 1\norder: 2\nheadline: 标题')),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/field `order`: 2 is also the order of content\/2024-01-15\/(extra\.md|weather\.mdx) on page 1/);
  });

  it('broken front matter', async () => {
    const { code, output } = await siteWith('yaml', (dir) =>
      writeFile(path.join(dir, '2024-01-15/lantern.md'), article('page: 1\norder: [1\nheadline: 标题')),
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/lantern\.md/);
    expect(output).toMatch(/front ?matter|YAML/i);
  });
});
