import { defaultFontFiles, loadFonts, type CardFonts } from '../../src/cards/fonts.ts';
import type { ArticleCardInput, PageCardInput } from '../../src/cards/inputs.ts';

/** Helpers for share-card tests that render without a build. */

export interface SvgText {
  x: number;
  y: number;
  width: number;
  size: number;
  family: string;
  text: string;
}

const number = (tag: string, name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? NaN);
const decode = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/**
 * The `<text>` runs of an SVG rendered with `embedFont: false`, in document order. The line
 * feeds that separate a block's lines come out as runs of their own; they draw nothing
 * (checked: with embedded fonts no glyph is drawn for them) and are left out.
 */
export function svgTexts(svg: string): SvgText[] {
  return Array.from(svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g), (m) => ({
    x: number(m[1]!, 'x'),
    y: number(m[1]!, 'y'),
    width: number(m[1]!, 'width'),
    size: number(m[1]!, 'font-size'),
    family: /font-family="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
    text: decode(m[2]!).replaceAll('\n', ''),
  })).filter((t) => t.text !== '');
}

/** The `<image>` elements (emoji) with their box. */
export function svgImages(svg: string): { x: number; y: number; width: number; href: string }[] {
  return Array.from(svg.matchAll(/<image([^>]*)>/g), (m) => ({
    x: number(m[1]!, 'x'),
    y: number(m[1]!, 'y'),
    width: number(m[1]!, 'width'),
    href: /href="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
  }));
}

/** The text lines set at `size`: runs grouped by baseline, joined left to right. */
export function linesAt(svg: string, size: number): string[] {
  const rows = new Map<number, SvgText[]>();
  for (const t of svgTexts(svg).filter((t) => t.size === size)) rows.set(t.y, [...(rows.get(t.y) ?? []), t]);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, runs]) => runs.sort((a, b) => a.x - b.x).map((r) => r.text).join(''));
}

export const fonts = (): Promise<CardFonts> => loadFonts(defaultFontFiles());

const common = { paperName: '泉城示例日报', sample: true, dateLine: '2023年7月2日 星期日', pageLine: '第A03版·要闻' };

export const articleInput = (fields: Partial<ArticleCardInput> & { headline: string[] }): ArticleCardInput => ({
  ...common,
  kind: 'article',
  ...fields,
});

export const pageInput = (fields: Partial<PageCardInput> & { headlines: string[] }): PageCardInput => ({
  ...common,
  kind: 'page',
  page: 'A03',
  section: '要闻',
  ...fields,
});
