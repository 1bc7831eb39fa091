import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../src/print-layout/place.ts';
import * as metrics from '../src/print-layout/metrics.ts';
import { projectRoot } from './helpers/paths.ts';
import { blockInput } from '../src/print-layout/block-input.ts';
import { phrases } from '../src/typeset/phrases.ts';
import type { ArticleData } from '../src/schemas/article.ts';
import type { BodySection } from '../src/model/body.ts';

describe('print layout: metrics mirror the typographic tokens', () => {
  const css = readFileSync(path.join(projectRoot, 'src/styles/tokens.css'), 'utf8');
  const token = (name: string) => {
    const match = new RegExp(`--${name}:\\s*([\\d.]+)`).exec(css);
    if (!match) throw new Error(`tokens.css has no --${name}`);
    return Number(match[1]);
  };
  it.each([
    ['np-column-chars', metrics.COLUMN_CHARS],
    ['np-gutter', metrics.GUTTER],
    ['np-page-leading', metrics.BODY_LEADING],
    ['np-caption-size', metrics.CAPTION_SIZE],
    ['np-kicker-size', metrics.KICKER_SIZE],
    ['np-deck-size', metrics.DECK_SIZE],
    ['np-headline-xl', metrics.HEADLINE_STEPS.xl],
    ['np-headline-l', metrics.HEADLINE_STEPS.l],
    ['np-headline-m', metrics.HEADLINE_STEPS.m],
    ['np-headline-s', metrics.HEADLINE_STEPS.s],
    ['np-headline-leading', metrics.HEADLINE_LEADING],
    ['np-apparatus-leading', metrics.APPARATUS_LEADING],
    ['np-caption-leading', metrics.CAPTION_LEADING],
    ['np-section-head-size', metrics.SECTION_HEAD.size],
    ['np-section-before', metrics.SECTION_HEAD.before],
    ['np-section-after', metrics.SECTION_HEAD.after],
    ['np-indent', metrics.INDENT],
    ['np-space-xs', metrics.SPACE.xs],
    ['np-space-s', metrics.SPACE.s],
    ['np-space-m', metrics.SPACE.m],
  ])('--%s is %s', (name, value) => {
    expect(token(name)).toBe(value);
  });
  it('the space between stacked blocks is the rule and --np-space-m on each side of it', () => {
    // page.css: a stacked part has margin-top and padding-top of --np-space-m and a 1 px rule;
    // 1 px is under 0.1 em at every width the page is laid out at (body text ≥ 11 px).
    expect(token('np-space-m')).toBe(1);
    expect(LAYOUT.gap - 2 * token('np-space-m')).toBeGreaterThan(0);
    expect(LAYOUT.gap - 2 * token('np-space-m')).toBeLessThanOrEqual(0.1);
  });
});

describe('print layout: an article as the make-up measures it (block-input.ts)', () => {
  const article = (extra: Partial<ArticleData> = {}) =>
    ({
      headline: ['网格员走访万户'],
      byline: [
        { role: '记者', names: ['王小明', '李华'] },
        { mark: '■', role: '通讯员', names: ['张伟'] },
      ],
      figures: [{ caption: '图片说明文字', credit: '记者 王小明 摄' }, { caption: '二', image: 'x.jpg' }],
      ...extra,
    }) as unknown as ArticleData;
  const sections = [
    { heading: undefined, paragraphs: ['一二三四五', 'ab'] },
    { heading: '小标题', paragraphs: ['六七八'] },
  ] as BodySection[];

  it('counts characters as code points, section heads, captions with their credit, and figures with an image', () => {
    const input = blockInput('a', article(), sections);
    expect(input).toMatchObject({ id: 'a', headline: ['网格员走访万户'], paragraphs: [5, 2, 3], sectionHeads: 1, imageFigures: 1 });
    // 图片说明文字 (6) + a space + 记者 王小明 摄 (8); 二 has no credit.
    expect(input.captions).toEqual([15, 1]);
    // Each byline entry is one short line in a column of ten characters.
    expect(input.bylineLines).toBe(2);
    expect(input.set?.body).toEqual([{ lines: 1 }, { lines: 1 }, { head: phrases('小标题') }, { lines: 1 }]);
    expect(input.set?.captions).toEqual([[...phrases('图片说明文字'), ...Array.from(' 记者 王小明 摄')], phrases('二')]);
  });

  it('sets each paragraph in a column of 10.1 em with a first-line indent of 2 em', () => {
    const han = (n: number) => '一二三四五六七八九十'.repeat(2).slice(0, n);
    const lines = (...paragraphs: string[]) => blockInput('a', article(), [{ heading: undefined, paragraphs }] as BodySection[]).set?.body;
    // Ten characters after the indent: 8 on the first line, 2 on the second.
    expect(lines(han(10))).toEqual([{ lines: 2 }]);
    // Eighteen: 8 and 10, the second line full only because the column is 10.1 em, not 9.9.
    expect(lines(han(18))).toEqual([{ lines: 2 }]);
    expect(lines(han(8), han(19))).toEqual([{ lines: 1 }, { lines: 3 }]);
  });

  it('counts every section head, however many sections have none', () => {
    const many = [
      { heading: undefined, paragraphs: ['一'] },
      { heading: '一', paragraphs: ['二'] },
      { heading: '二', paragraphs: ['三'] },
    ] as BodySection[];
    expect(blockInput('a', article(), many).sectionHeads).toBe(2);
  });

  it('measures a byline entry with its mark, in bold', () => {
    const lines = (entry: { mark?: string; role: string; names: string[] }) => blockInput('a', article({ byline: [entry] } as Partial<ArticleData>), sections).bylineLines;
    // “本报记者 王小明李华” fits in 10.1 em; the mark and its space push 王小明李华 to a second line.
    expect(lines({ role: '本报记者', names: ['王小明李华'] })).toBe(1);
    expect(lines({ mark: '■', role: '本报记者', names: ['王小明李华'] })).toBe(2);
    // “记者 Wang Xiaoming” is 10.07 em in Noto Serif SC Regular and 10.38 em in Bold, as the byline is set.
    expect(lines({ role: '记者', names: ['Wang Xiaoming'] })).toBe(2);
    // Names are set with a space between each: six names of 7 characters and 6 spaces of 0.25 em are 10.5 em.
    expect(lines({ role: '记者', names: ['王小', '李', '张', '刘', '陈', '赵'] })).toBe(2);
  });

  it('wraps a long byline entry over more lines; reads the mark, the role and every name', () => {
    const long = blockInput('a', article({ byline: [{ mark: '■', role: '本报记者', names: ['王小明', '李华', '张伟', '刘亚男', '陈静', '夏侯凤超', '欧阳晓'] }] } as Partial<ArticleData>), sections);
    // Broken at the spaces in a column of 10.1 em: “■ 本报记者 王小明” (8.6 em with two spaces),
    // “李华 张伟 刘亚男 陈静” (9.8 em), “夏侯凤超 欧阳晓”.
    expect(long.bylineLines).toBe(3);
    const short = blockInput('a', article({ byline: [{ role: '记者', names: ['王小明'] }] } as Partial<ArticleData>), sections);
    expect(short.bylineLines).toBe(1);
  });

  it('measures an MDX article (no Markdown paragraphs) by its source, and ignores a blank one', () => {
    // 10 + 2 line ends + 4 code points; set without its white space, 14 characters and the
    // indent of 2 take two lines of ten.
    const mdx = blockInput('m', article(), [], '一二三四五六七八九十\n\n十一十二');
    expect(mdx.paragraphs).toEqual([16]);
    expect(mdx.set?.body).toEqual([{ lines: 2 }]);
    expect(mdx.sectionHeads).toBe(0);
    // Nine characters and the indent are 11 em: over one column of 10.1 em.
    expect(blockInput('m', article(), [], '一二三四五六七八九').set?.body).toEqual([{ lines: 2 }]);
    const blank = blockInput('m', article(), [], ' \n ');
    expect(blank.paragraphs).toEqual([]);
    expect(blank.set?.body).toEqual([]);
  });
});

describe('print layout: characters and lines across columns (metrics.ts)', () => {
  it('fits whole characters across a span of 10.1 em columns and 1.5 em gutters, at least one', () => {
    expect(metrics.charsPerLine(1)).toBe(10);
    // 2 × 10.1 + 1.5 = 21.7 em.
    expect(metrics.charsPerLine(2)).toBe(21);
    // 10.1 em at 1.5 em a character: 6.7.
    expect(metrics.charsPerLine(1, 1.5)).toBe(6);
    expect(metrics.charsPerLine(1, 20)).toBe(1);
  });

  it('counts the lines of a paragraph, none for an empty one', () => {
    expect(metrics.linesOf(0, 1)).toBe(0);
    expect(metrics.linesOf(1, 1)).toBe(1);
    expect(metrics.linesOf(10, 1)).toBe(1);
    expect(metrics.linesOf(11, 1)).toBe(2);
    expect(metrics.linesOf(21, 2)).toBe(1);
    expect(metrics.linesOf(22, 2)).toBe(2);
    expect(metrics.linesOf(7, 1, 1.5)).toBe(2);
  });
});
