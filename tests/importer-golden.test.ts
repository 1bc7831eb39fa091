import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest, type ImportedPage } from '../src/importer/index.ts';
import { readArticle, readPage } from './helpers/content-files.ts';
import { articleMainText, isSubsequence, pageText, significant, significantMultiset } from './helpers/importer-run.ts';
import { contentDir, projectRoot, scratchDir, transcriptPath } from './helpers/paths.ts';

/**
 * The importer on the sample transcript, against the sample edition written by hand from
 * ANATOMY.md (content/2023-07-02/): byte for byte, then the JSON contract, the report line by
 * line, and nothing lost. In process (`runIngest`, what the script runs; importer-cli.test.ts
 * runs the script itself), and each test imports anew: an import outside a test would make
 * every mutant it reaches "static" to Stryker, run against every test.
 */
const SAMPLE_FILES = ['A03.yaml', 'A03-1.md', 'A03-2.md'];
const options = ['--date', '2023-07-02', '--page', 'A03', '--section', '要闻'];
const transcriptLines = readFileSync(transcriptPath, 'utf8').split('\n');

describe('importing the sample transcript', () => {
  it('writes the sample edition byte for byte, as .md files, with no temporary file left', () => {
    const out = path.join(scratchDir(), 'golden');
    const run = runIngest([transcriptPath, ...options, '--out', out], projectRoot);
    expect(run.stderr).toContain('Repairs');
    expect(run.code).toBe(0);
    for (const name of SAMPLE_FILES) {
      expect(readFileSync(path.join(out, '2023-07-02', name), 'utf8'), name).toBe(readFileSync(path.join(contentDir, '2023-07-02', name), 'utf8'));
    }
    expect(readdirSync(path.join(out, '2023-07-02')).sort()).toEqual(['.newsprint-import.json', ...SAMPLE_FILES].sort());
  });

  const imported = () => {
    const json = runIngest([transcriptPath, ...options, '--json', '--out', path.join('/tmp', `never-${process.pid}`)], projectRoot);
    return { json, result: JSON.parse(json.stdout) as ImportedPage };
  };

  it('with --json prints the page to stdout, a summary to stderr, and writes nothing', () => {
    const { json, result } = imported();
    expect(json.code).toBe(0);
    expect(existsSync(path.join('/tmp', `never-${process.pid}`))).toBe(false);
    expect(Object.keys(result)).toEqual(['page', 'articles', 'report']);
    expect(Object.keys(result.page)).toEqual(['date', 'number', 'section', 'credits']);
    expect(Object.keys(result.report)).toEqual(['repairs', 'warnings']);
    expect(json.stderr).toMatch(/line 81: \[suspected-typo\]/);
  });

  it('gives in JSON what the hand-written files say', () => {
    const { result } = imported();
    const page = readPage('2023-07-02/A03.yaml');
    expect(result.page).toEqual({ date: page.date, number: page.number, section: page.section, credits: page.credits });
    ['A03-1.md', 'A03-2.md'].forEach((name, i) => {
      const { data, sections } = readArticle(`2023-07-02/${name}`);
      const article = result.articles[i]!;
      expect(article.kicker).toBe(data.kicker);
      expect([article.headline]).toEqual(data.headline);
      expect(article.deck).toBe(data.deck);
      expect(article.lead).toBe(data.lead);
      expect(article.byline).toEqual(data.byline);
      expect(article.figures).toEqual(data.figures);
      expect(article.sections).toEqual(sections);
      expect(Object.keys(article)).toEqual(['kicker', 'headline', 'deck', 'lead', 'byline', 'sections', 'figures'].filter((k) => k in article));
    });
    expect(result.articles).toHaveLength(2);
  });

  it('reports each repair of ANATOMY.md at its line, and flags the suspected typo without changing it', () => {
    const { result } = imported();
    const at = (kind: string) => result.report.repairs.filter((r) => r.kind === kind).map((r) => r.line);
    expect(at('column-break')).toEqual([18, 36, 63, 75, 85]); // D1, D3, D4, D6, D7: and no other line
    expect(at('caption')).toEqual([22]); // D2
    expect(at('lead')).toEqual([65]); // D5
    expect(at('credits')).toEqual([46]); // D8
    expect(at('kicker')).toEqual([48]); // D9
    expect(at('space')).toEqual([53]); // D11
    expect(at('blank-lines')).toEqual([1, 19, 66]); // D12
    expect(result.report.warnings.map((w) => [w.kind, w.line])).toEqual([['suspected-typo', 81]]); // D13
    expect(result.articles[1]!.sections[1]!.paragraphs[3]).toContain('残疾人人群体');
  });

  it('makes every ASCII , : ? of the transcript full-width (D10) and reports each of them', () => {
    const { result } = imported();
    const ascii = transcriptLines.join('\n').match(/[,:;?!()]/g) ?? [];
    const reported = result.report.repairs
      .filter((r) => r.kind === 'punctuation')
      .flatMap((r) => [...r.detail.matchAll(/×(\d+)/g)].map((m) => Number(m[1])))
      .reduce((a, b) => a + b, 0);
    expect(ascii.length).toBe(150);
    expect(reported).toBe(ascii.length);
  });

  it('loses no Han character, digit or Latin letter, and keeps each article in transcript order', () => {
    const { result } = imported();
    expect(significantMultiset(pageText(result))).toBe(significantMultiset(transcriptLines.join('\n')));
    const headlines = transcriptLines.flatMap((l, i) => (l.startsWith('# ') ? [i] : []));
    result.articles.forEach((article, i) => {
      const region = significant(transcriptLines.slice(headlines[i], headlines[i + 1]).join('\n'));
      expect(isSubsequence(significant(articleMainText(article)), region)).toBe(true);
      expect(isSubsequence(significant(article.lead ?? ''), region)).toBe(true);
      for (const f of article.figures) expect(region).toContain(significant(f.caption));
    });
  });
});
