import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticle, readPage } from './helpers/content-files.ts';
import { transcriptPath } from './helpers/paths.ts';

/**
 * The sample edition against samples/2023-07-02-A03/ANATOMY.md, element by element. Expected text is
 * taken from the transcript itself by line number, with the repairs ANATOMY.md prescribes.
 */
const lines = readFileSync(transcriptPath, 'utf8').split('\n');
const line = (n: number) => lines[n - 1]!;
/** D10: the transcript's ASCII , : ? (all of them touch Han text) made full-width. */
const fullWidth = (s: string) => s.replace(/,/g, '，').replace(/:/g, '：').replace(/\?/g, '？');
const heading = (n: number) => line(n).replace(/^###\s+/, '');
const para = (...ns: number[]) => fullWidth(ns.map(line).join(''));

const page = readPage('2023-07-02/A03.yaml');
const a1 = readArticle('2023-07-02/A03-1.md');
const a2 = readArticle('2023-07-02/A03-2.md');

describe('sample page A03 of 2023-07-02', () => {
  it('carries the credit line of line 46 as page credits (D8)', () => {
    expect(line(46)).toBe('编辑:武俊 美编:继红 组版:侯波');
    expect(page.credits).toEqual([
      { role: '编辑', names: ['武俊'] },
      { role: '美编', names: ['继红'] },
      { role: '组版', names: ['侯波'] },
    ]);
    expect(page.date).toBe('2023-07-02');
  });
});

describe('article 1', () => {
  it('has the headline stack of lines 3 and 5, and the lead of line 7', () => {
    expect(a1.data.kicker).toBeUndefined();
    expect(a1.data.headline).toEqual([line(3).replace(/^#\s+/, '')]);
    expect(a1.data.deck).toBe(line(5).replace(/^##\s+/, ''));
    expect(a1.data.lead).toBe(para(7));
    expect(a1.data.lead).toContain('发展理念？如何破解');
  });

  it('has the byline of lines 9–10 with the 文/片 mark kept', () => {
    expect(a1.data.byline).toEqual([
      { role: '记者', names: ['夏侯凤超'], mark: '文/片' },
      { role: '通讯员', names: ['刘亚男'] },
    ]);
  });

  it('has the caption of line 22 as a figure without an image (D2), not as body text', () => {
    expect(a1.data.figures).toEqual([{ caption: para(22) }]);
    expect(a1.sections.flatMap((s) => s.paragraphs)).not.toContain(para(22));
  });

  it('has three sections of 3, 3 and 4 paragraphs with the column breaks D1 and D3 mended', () => {
    expect(a1.sections).toEqual([
      { heading: heading(12), paragraphs: [para(14), para(16), para(18, 24)] },
      { heading: heading(26), paragraphs: [para(28), para(30), para(32)] },
      { heading: heading(34), paragraphs: [para(36, 38), para(40), para(42), para(44)] },
    ]);
    expect(a1.sections[0]!.paragraphs[2]).toContain('“组织提质”工程');
    expect(a1.sections[2]!.paragraphs[0]).toContain('数字城市体系建设');
  });
});

describe('article 2', () => {
  it('has the kicker split from the headline of line 48 (D9)', () => {
    expect(a2.data.kicker).toBe('第七届全国残疾人职业技能大赛暨第四届全国残疾人展能节落幕');
    expect(a2.data.headline).toEqual(['山东省代表团团体总分238分获第一']);
    expect(`# ${a2.data.kicker} ${a2.data.headline[0]}`).toBe(line(48));
    expect(a2.data.deck).toBeUndefined();
  });

  it('has the lead of line 65 at the top (D5) and the byline of lines 50–51', () => {
    expect(a2.data.lead).toBe(para(65));
    expect(a2.data.byline).toEqual([
      { role: '记者', names: ['赵清华'] },
      { role: '通讯员', names: ['李英杰', '李帅毅'] },
    ]);
    expect(a2.data.figures).toEqual([]);
  });

  it('has three sections of 5, 4 and 5 paragraphs with D4, D6, D7 mended and D11 fixed', () => {
    expect(a2.sections).toEqual([
      { heading: heading(53).replace(' “', '“'), paragraphs: [para(55), para(57), para(59), para(61), para(63, 69)] },
      { heading: heading(71), paragraphs: [para(73), para(75, 77), para(79), para(81)] },
      { heading: heading(83), paragraphs: [para(85, 87), para(89), para(91), para(93), para(95)] },
    ]);
    expect(a2.sections[0]!.heading).toBe('19人获得“全国技术能手”荣誉称号');
  });

  it('keeps the suspected typo (D13) and the meant spaces', () => {
    expect(a2.raw).toContain('残疾人人群体');
    expect(a2.raw).toContain('“共创美好未来 共享美好生活”');
  });
});

describe('the whole sample', () => {
  const all = a1.raw + a2.raw;

  it('has no ASCII , : ; ? ! ( ) touching Han text (D10), but keeps decimals and formulas', () => {
    expect(all).not.toMatch(/[\p{Script=Han}“”‘’][,:;?!()]|[,:;?!()][\p{Script=Han}“”‘’]/u);
    for (const kept of ['1.1万', '105.5亿', '74.5万', '2+1+N+X', '1+N+X', '文/片', '5G', '3D打印']) expect(all).toContain(kept);
  });

  it('loses no Han character, digit or Latin letter of the transcript', () => {
    const significant = (s: string) => [...s.matchAll(/[\p{Script=Han}0-9A-Za-z]/gu)].map((m) => m[0]).sort().join('');
    const texts = [a1, a2].flatMap(({ data, sections }) => [
      data.kicker ?? '', ...data.headline, data.deck ?? '', data.lead ?? '',
      ...data.byline.flatMap((b) => [b.mark ?? '', b.role, ...b.names]),
      ...data.figures.map((f) => f.caption),
      ...sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]),
    ]);
    texts.push(...page.credits.flatMap((c) => [c.role, ...c.names]));
    expect(significant(texts.join(''))).toBe(significant(lines.join('')));
  });
});
