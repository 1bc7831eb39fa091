import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EDITION_NAMES, edition, type BuiltEdition } from './helpers/editions.ts';
import { htmlFiles, jsonLd, parseFile } from './helpers/site-files.ts';
import { projectRoot } from './helpers/paths.ts';
import { jsonLdText } from '../src/data/structured-data.ts';

/**
 * The JSON-LD of every built view, validated against the schema.org vocabulary: each block is
 * type-checked, as the JSON the build wrote, against `schema-dts` (Google's TypeScript
 * typings generated from schema.org's own vocabulary file) by the TypeScript compiler, in
 * memory and offline. A type that is not a schema.org type, a property that schema.org does
 * not define for the type or its parents, or a value of a kind the property does not take, is
 * a compiler error. A control case with one such mistake each proves the check can fail.
 * Then the facts that matter for a newspaper: headline, alternative headlines, time zone,
 * authors with their roles, publisher, card image, the issue it is part of.
 */

/**
 * Type-checks each of `values` as `WithContext<type>` in one compiler run (loading the
 * vocabulary's types is most of the cost); returns the compiler's messages per value.
 */
function schemaErrors(values: { type: string; json: unknown }[]): string[][] {
  const file = path.join(projectRoot, '.cache/structured-data-check.ts');
  const source = [
    `import type { WithContext, NewsArticle, PublicationIssue } from 'schema-dts';`,
    ...values.map((v, i) => `export const v${i}: WithContext<${v.type}> = ${JSON.stringify(v.json)};`),
  ].join('\n');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, lang) : read(name, lang, ...rest));
  host.fileExists = ((exists) => (name: string) => path.resolve(name) === file || exists(name))(host.fileExists);
  const program = ts.createProgram([file], options, host);
  const out: string[][] = values.map(() => []);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    // Line 0 is the import; value i is on line i + 1. A message elsewhere is the check's own failure.
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!;
    if (line === 0) throw new Error(`The schema check itself failed: ${message}`);
    out[line - 1]!.push(message);
  }
  return out;
}

function blocks(built: BuiltEdition) {
  return htmlFiles(built.outDir).flatMap((file) => jsonLd(parseFile(built, file)).map((json) => ({ file, json })));
}

describe('JSON-LD against the schema.org vocabulary', () => {
  it('every block of the three editions type-checks as a schema.org NewsArticle or PublicationIssue; a broken one does not', () => {
    const all = EDITION_NAMES.flatMap((name) => blocks(edition(name)));
    const types = new Set(all.map((b) => b.json['@type']));
    expect(types).toEqual(new Set(['NewsArticle', 'PublicationIssue']));
    expect(all.length).toBeGreaterThan(40);
    // Controls, checked in the same run: an unknown property, a wrong value kind, a type that is not schema.org's.
    const article = all.find((b) => b.json['@type'] === 'NewsArticle')!.json;
    const controls = [
      { ...article, headlin: 'x' },
      { ...article, headline: 42 },
      { ...article, author: [{ '@type': 'Persn', name: 'x' }] },
    ];
    const errors = schemaErrors([...all.map((b) => ({ type: String(b.json['@type']), json: b.json })), ...controls.map((json) => ({ type: 'NewsArticle', json }))]);
    const real = errors.slice(0, all.length);
    expect(real.flatMap((e, i) => e.map((m) => `${all[i]!.file}: ${m}`))).toEqual([]);
    expect(errors.slice(all.length).map((e) => e.length > 0)).toEqual([true, true, true]);
  });
});

describe('what the structured data says', () => {
  const sample = () => edition('sample');
  it('a sample article: headline, alternative headlines, time in the edition\'s zone, authors with roles, publisher, card, issue', () => {
    const [ld] = jsonLd(parseFile(sample(), '2023-07-02/A03/1/index.html')) as Record<string, any>[];
    expect(ld!['@context']).toBe('https://schema.org');
    expect(ld!.headline).toBe('历下区“书记论坛”有“新”论');
    expect(ld!.alternativeHeadline).toBe('推动党建引领基层治理再升级');
    expect(ld!.datePublished).toBe('2023-07-02T00:00:00+08:00');
    expect(ld!.url).toBe('https://epaper.example.com/2023-07-02/A03/1/');
    expect(ld!.author.every((a: any) => a['@type'] === 'Person' && a.name && a.jobTitle)).toBe(true);
    expect(ld!.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: '泉城示例日报', logo: { '@type': 'ImageObject', url: 'https://epaper.example.com/favicon.svg' } });
    expect(ld!.image).toMatchObject({ url: 'https://epaper.example.com/2023-07-02/A03/1/card.png', width: '1200', height: '630' });
    expect(ld!.isPartOf).toMatchObject({ '@type': 'PublicationIssue', url: 'https://epaper.example.com/2023-07-02/', datePublished: '2023-07-02' });
    expect(ld!.printPage).toBe('A03');
    expect(ld!.description.length).toBeGreaterThan(10);
  });

  it('byline names become one Person each, the printed role kept as jobTitle', () => {
    const built = edition('edition');
    const withTwo = htmlFiles(built.outDir)
      .filter((f) => /^\d{4}-\d{2}-\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(f))
      .map((f) => jsonLd(parseFile(built, f))[0] as Record<string, any>)
      .find((ld) => ld.author?.some((a: any) => a.jobTitle === '通讯员'));
    expect(withTwo!.author.filter((a: any) => a.jobTitle === '通讯员').map((a: any) => a.name)).toEqual(['陈静', '刘洋']);
  });

  it('an issue front: a PublicationIssue of the newspaper, with its articles as parts and the front card', () => {
    const built = edition('edition');
    const [ld] = jsonLd(parseFile(built, '2024-01-01/index.html')) as Record<string, any>[];
    expect(ld!['@type']).toBe('PublicationIssue');
    expect(ld!.datePublished).toBe('2024-01-01');
    expect(ld!.isPartOf).toMatchObject({ '@type': 'Newspaper', name: '测试晚报' });
    expect(ld!.hasPart).toHaveLength(7);
    expect(ld!.image.url).toBe('https://fixture.example.org/paper/2024-01-01/A01/card.png');
  });

  it('content cannot close the script element: every < is written as \\u003c, and the JSON reads back the same', () => {
    const value = { headline: '</script><script>alert(1)</script>' };
    const written = jsonLdText(value);
    expect(written).not.toContain('<');
    expect(JSON.parse(written)).toEqual(value);
  });
});
