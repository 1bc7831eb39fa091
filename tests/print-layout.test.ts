import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../src/print-layout/place.ts';
import * as metrics from '../src/print-layout/metrics.ts';
import { projectRoot } from './helpers/paths.ts';
import { blockInput } from '../src/print-layout/block-input.ts';
import { bestSide, layoutBody, type BlockContent } from '../src/print-layout/estimate.ts';
import { spanWidth } from '../src/print-layout/metrics.ts';
import { headlineSteps, variantsAt } from '../src/print-layout/variants.ts';
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

describe('print layout: the shapes an article is offered (variants.ts)', () => {
  const content = (extra: Partial<BlockContent> = {}): BlockContent => ({ headline: ['网格员走访万户'], bylineLines: 1, paragraphs: [150, 150, 150, 150, 150, 150], sectionHeads: 0, captions: [], ...extra });

  it('offers the lead across most of the page extra large or large, half the page large and down, a narrower block medium and down', () => {
    expect(headlineSteps(content(), 8, 8, true)).toEqual(['xl', 'l']);
    // Two columns short of the page still counts as across it.
    expect(headlineSteps(content(), 6, 8, true)).toEqual(['xl', 'l']);
    expect(headlineSteps(content(), 5, 8, true)).toEqual(['l']);
    expect(headlineSteps(content(), 4, 8, false)).toEqual(['l', 'm', 's']);
    expect(headlineSteps(content(), 3, 8, false)).toEqual(['m', 's']);
  });

  it('offers no step where a headline line breaks into more than two lines, unless the span is forced', () => {
    const long = content({ headline: ['一'.repeat(30)] });
    expect(headlineSteps(long, 1, 8, false)).toEqual([]);
    expect(variantsAt(long, 1, 8, false)).toEqual([]);
    expect(headlineSteps(long, 1, 8, false, true)).toEqual(['s']);
    // Every printed line must fit, not one of them.
    expect(headlineSteps(content({ headline: ['网格员', '一'.repeat(30)] }), 1, 8, false)).toEqual([]);
    // The whole page is forced: 30 characters in 91.3 em at 3.2 em are two lines of 28 and 2.
    expect(headlineSteps(long, 8, 8, false)).toEqual(['l', 'm', 's']);
    // 120 characters take 3 lines even across the page at the smallest step: the page's width is forced.
    expect(headlineSteps(content({ headline: ['一'.repeat(120)] }), 8, 8, false)).toEqual(['s']);
  });

  it('offers the lead with a lead text or a figure every side column that leaves the body two columns, and others only the shortest', () => {
    const lead = content({ lead: '导'.repeat(120), captions: [20] });
    const sides = (c: BlockContent, isLead: boolean) => [...new Set(variantsAt(c, 8, 8, isLead).map((v) => v.side))].sort();
    expect(bestSide(lead, 8).side).toBe(0);
    expect(sides(lead, true)).toEqual([0, 2, 3, 4, 5, 6]);
    // Each side once: as many shapes as steps a side.
    expect(variantsAt(lead, 8, 8, true).filter((v) => v.side === 0)).toHaveLength(headlineSteps(lead, 8, 8, true).length);
    expect(sides(lead, false)).toEqual([0]);
    // A photo is shown at its own proportions, which the estimate does not know.
    expect(sides({ ...lead, imageFigures: 1 }, true)).toEqual([0]);
    expect(sides(content(), true)).toEqual([0]);
    // A lead text alone, or a figure alone, is enough to go beside the body.
    expect(sides(content({ lead: '导'.repeat(120) }), true)).toEqual([0, 2, 3, 4, 5, 6]);
    expect(sides(content({ captions: [20] }), true)).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('offers the shortest side column once when it is a side column itself, and the lead every other beside it', () => {
    // A lead text and a figure with a long caption beside a short body: set in the flow they
    // leave the columns far from level, so the block is shortest with a side column 3 wide.
    const story = content({ lead: '导'.repeat(100), captions: [400], paragraphs: [120, 120] });
    expect(bestSide(story, 5).side).toBe(3);
    const steps = headlineSteps(story, 5, 8, true).length;
    const shapes = variantsAt(story, 5, 8, true);
    expect(shapes.map((v) => v.side)).toEqual([...Array(steps).fill(3), ...Array(steps).fill(2)]);
    expect(variantsAt(story, 5, 8, false).map((v) => v.side)).toEqual(Array(headlineSteps(story, 5, 8, false).length).fill(3));
  });

  it('prices a smaller headline at 1.2 lines across the block a step, and a brief set wider than two columns at four lines a column', () => {
    const style = (c: BlockContent) => variantsAt(c, 4, 8, false).map((v) => [v.step, Math.round(v.style * 100) / 100]);
    // spanWidth(4) = 44.9 em; a step down is 44.9 × 1.2 = 53.88 em².
    expect(style(content())).toEqual([['l', 0], ['m', 53.88], ['s', 107.76]]);
    // A brief of 150 characters (15 lines) at 4 columns: 2 columns too wide × 4 lines × 1.6 × 10 = 128.
    expect(style(content({ paragraphs: [100, 50] }))).toEqual([['l', 128], ['m', 181.88], ['s', 235.76]]);
    // 20 lines is still a brief; 21 is none, and a caption or a lead makes none either.
    expect(style(content({ paragraphs: [150, 50] }))[0]).toEqual(['l', 128]);
    expect(style(content({ paragraphs: [150, 60] }))[0]).toEqual(['l', 0]);
    expect(style(content({ paragraphs: [100, 50], captions: [10] }))[0]).toEqual(['l', 0]);
  });

  it('counts as blank the body columns left empty, the short ends of the columns and a side column shorter than the body', () => {
    const short = content({ paragraphs: [30] });
    const body = layoutBody(short, 4, 0);
    // 30 characters are 4 lines: one column of 3 lines at least, so 2 columns, 2 of the 4 empty.
    expect(body.columns).toBe(2);
    const [variant] = variantsAt(short, 4, 8, false);
    expect(variant!.blank).toBeCloseTo((4 - body.columns) * (10 + 1.5) * body.height + body.shortfall, 6);
    expect(variant!.height).toBeGreaterThan(body.height);
    const lead = content({ lead: '导'.repeat(40), captions: [20] });
    const side = variantsAt(lead, 8, 8, true).find((v) => v.side === 3)!;
    const sideBody = layoutBody(lead, 8, 3);
    expect(side.blank).toBeCloseTo((8 - 3 - sideBody.columns) * 11.5 * sideBody.height + sideBody.shortfall + spanWidth(3) * Math.max(0, sideBody.height - sideBody.sideHeight), 6);
  });
});
