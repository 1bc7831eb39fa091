import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../src/importer/index.ts';
import { scratchDir, transcriptPath } from './helpers/paths.ts';

/**
 * Writing content files: idempotent imports, hand edits protected by the manifest's hashes,
 * `--force`, all-or-nothing writes. In process (`runIngest`, what the script runs; the script
 * itself is importer-cli.test.ts), so Stryker sees what each test reaches.
 */
const options = ['--date', '2023-07-02', '--page', 'A03', '--section', '要闻'];
const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));

function freshOut(name: string): { out: string; issue: string } {
  const out = path.join(scratchDir(), name);
  return { out, issue: path.join(out, '2023-07-02') };
}

describe('writing an import', () => {
  it('gives identical files when run twice, and says the second run changed nothing', () => {
    const { out, issue } = freshOut('twice');
    expect(runIngest([transcriptPath, ...options, '--out', out], '/').code).toBe(0);
    const first = snapshot(issue);
    const mtimes = Object.keys(first).map((name) => statSync(path.join(issue, name)).mtimeMs);
    const second = runIngest([transcriptPath, ...options, '--out', out], '/');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/unchanged .*A03-1\.md/);
    expect(snapshot(issue)).toEqual(first);
    expect(Object.keys(first).map((name) => statSync(path.join(issue, name)).mtimeMs)).toEqual(mtimes);
    expect(JSON.parse(first['.newsprint-import.json']!).files).toHaveProperty(['A03-1.md']);
  });

  it('refuses to overwrite a file edited by hand, names it, writes nothing, and overwrites it with --force', () => {
    const { out, issue } = freshOut('edited');
    expect(runIngest([transcriptPath, ...options, '--out', out], '/').code).toBe(0);
    appendFileSync(path.join(issue, 'A03-2.md'), '\n编辑补充的一段话。\n');
    writeFileSync(path.join(issue, 'A03.yaml'), readFileSync(path.join(issue, 'A03.yaml'), 'utf8').replace('要闻', '旧版名'));
    const before = snapshot(issue);

    // A changed --section changes A03.yaml, so the import has something to write.
    const refused = runIngest([transcriptPath, '--date', '2023-07-02', '--page', 'A03', '--section', '民生', '--out', out], '/');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(path.join(issue, 'A03-2.md'));
    expect(refused.stderr).toContain(path.join(issue, 'A03.yaml'));
    expect(refused.stderr).toContain('--force');
    expect(snapshot(issue)).toEqual(before);

    const forced = runIngest([transcriptPath, ...options, '--out', out, '--force'], '/');
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(issue, 'A03-2.md'), 'utf8')).not.toContain('编辑补充的一段话');
    expect(runIngest([transcriptPath, ...options, '--out', out], '/').code).toBe(0);
  });

  it('refuses to replace a file it did not write', () => {
    const { out, issue } = freshOut('foreign');
    mkdirSync(issue, { recursive: true });
    writeFileSync(path.join(issue, 'A03-1.md'), '---\npage: "A03"\norder: 1\nheadline: "手写的稿件"\n---\n');
    const run = runIngest([transcriptPath, ...options, '--out', out], '/');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('A03-1.md');
    expect(readdirSync(issue)).toEqual(['A03-1.md']);
  });

  it('writes nothing at all when one file cannot be written', () => {
    const { out, issue } = freshOut('blocked');
    mkdirSync(path.join(issue, 'A03-2.md'), { recursive: true });
    const run = runIngest([transcriptPath, ...options, '--out', out, '--force'], '/');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('A03-2.md');
    expect(readdirSync(issue)).toEqual(['A03-2.md']);
  });

  it('takes the section from the existing page file on a re-import without --section', () => {
    const { out, issue } = freshOut('section');
    expect(runIngest([transcriptPath, ...options, '--out', out], '/').code).toBe(0);
    const again = runIngest([transcriptPath, '--date', '2023-07-02', '--page', 'A03', '--out', out], '/');
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(issue, 'A03.yaml'), 'utf8')).toContain('section: "要闻"');
  });
});

describe('a page re-imported with fewer articles', () => {
  it('leaves the article file of the earlier import alone and says so', () => {
    const { out, issue } = freshOut('fewer');
    const two = path.join(scratchDir(), 'fewer-two.txt');
    const one = path.join(scratchDir(), 'fewer-one.txt');
    writeFileSync(two, '# 市民公园今日开放\n\n公园占地三百亩。\n\n# 地铁新线开通运营\n\n新线全长二十公里。');
    writeFileSync(one, '# 市民公园今日开放\n\n公园占地三百亩。');
    expect(runIngest([two, ...options, '--out', out], '/').code).toBe(0);
    const run = runIngest([one, ...options, '--out', out], '/');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/left alone .*A03-2\.md: an earlier import of this page wrote it/);
    expect(readdirSync(issue)).toContain('A03-2.md');
  });
});
