import type { Page } from 'playwright-core';

/**
 * Page make-up as Chromium draws it: every block's rectangle and where its text and figures
 * end, per basic column, and its headline's height and size. From these: the blank share of
 * block area, the blank below each block's text, bumping headlines (撞题), the lead's place
 * and size, and how far the placement's height estimates are from the real heights.
 * The measuring runs inside the page; the figures are worked out here.
 */

export interface MeasuredBlock {
  id: string;
  span: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Top of the block's content: below the rule and space over a stacked block. */
  contentTop: number;
  /** Lowest bottom of any text or figure of the block, per basic column (the block's top when a column is empty). */
  columnBottoms: number[];
  /** Lowest bottom of any text or figure of the block. */
  lowest: number;
  /** Top of the text area under the headline stack: the body's or the side column's, whichever is higher. */
  bodyTop: number;
  headlineTop: number;
  headlineSize: number;
  /** Lines the headline is set in (its height over its line height), and the printed lines its text gives (its `<br>`s). */
  headlineLines: number;
  headlinePrinted: number;
}

export interface MeasuredPage {
  /** Body text size and line height, in px. */
  fontSize: number;
  lineHeight: number;
  gutter: number;
  blocks: MeasuredBlock[];
}

/** Measures the page view open in `page` (wide layout). */
export function measurePage(page: Page): Promise<MeasuredPage> {
  return page.evaluate(() => {
    const print = document.querySelector('.np-print')!;
    const fontSize = parseFloat(getComputedStyle(print).fontSize);
    const lineHeight = parseFloat(getComputedStyle(print).lineHeight);
    const gutter = parseFloat(getComputedStyle(document.querySelector('.np-grid')!).columnGap);
    const range = document.createRange();
    const blocks = [...document.querySelectorAll<HTMLElement>('.np-block')].map((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const span = Number(el.dataset.span);
      const top = r.top + scrollY;
      const contentTop = top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue?.trim()) continue;
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
      }
      for (const figure of el.querySelectorAll('figure')) rects.push(figure.getBoundingClientRect());
      const columnWidth = (r.width - (span - 1) * gutter) / span;
      const columnBottoms = Array.from({ length: span }, (_, c) => {
        const x0 = r.left + c * (columnWidth + gutter);
        const x1 = x0 + columnWidth;
        let bottom = contentTop;
        for (const rect of rects) if (Math.min(rect.right, x1) - Math.max(rect.left, x0) > 2) bottom = Math.max(bottom, rect.bottom + scrollY);
        return bottom;
      });
      const headline = el.querySelector('h2')!;
      return {
        id: (headline.querySelector('a')?.getAttribute('href') ?? '').split('/').filter(Boolean).at(-1) ?? '',
        span,
        left: r.left,
        top,
        right: r.right,
        bottom: r.bottom + scrollY,
        contentTop,
        columnBottoms,
        lowest: Math.max(...columnBottoms),
        bodyTop: Math.min(...[...el.querySelectorAll(':scope > .np-block-body, :scope > .np-block-side')].map((area) => area.getBoundingClientRect().top + scrollY)),
        headlineTop: headline.getBoundingClientRect().top + scrollY,
        headlineSize: parseFloat(getComputedStyle(headline).fontSize),
        headlineLines: Math.round(headline.getBoundingClientRect().height / parseFloat(getComputedStyle(headline).lineHeight)),
        headlinePrinted: headline.querySelectorAll('br').length + 1,
      };
    });
    return { fontSize, lineHeight, gutter, blocks };
  });
}

export interface PageFigures {
  /** Blank area below each block's last text or figure (the block's full width), over the blocks' area: issue 12's measure. */
  blankShare: number;
  /** Stricter: blank below the text column by column (an empty or short column counts too), over the blocks' area. */
  columnBlankShare: number;
  /** The most blank any block keeps below its last text, in lines. */
  maxBlankLines: number;
  /** Pairs of side-by-side blocks with headlines of one size at one height. */
  bumps: string[];
  /** The lead's block is at the top of the page and the largest. */
  leadTop: boolean;
  leadLargest: boolean;
  /** Measured content height minus the estimate, in lines, per block. */
  estimateErrors: number[];
}

/** The make-up figures of a measured page; `estimates` are the placement's content heights in em, by block id. */
export function pageFigures(page: MeasuredPage, estimates: Map<string, number>, columns = 8): PageFigures {
  const { blocks, lineHeight, gutter, fontSize } = page;
  let blank = 0;
  let columnBlank = 0;
  let area = 0;
  let maxBlankLines = 0;
  const estimateErrors: number[] = [];
  for (const b of blocks) {
    const columnWidth = (b.right - b.left - (b.span - 1) * gutter) / b.span;
    area += columnWidth * b.span * (b.bottom - b.top);
    for (const bottom of b.columnBottoms) columnBlank += columnWidth * Math.max(0, b.bottom - bottom);
    blank += columnWidth * b.span * Math.max(0, b.bottom - b.lowest);
    maxBlankLines = Math.max(maxBlankLines, (b.bottom - b.lowest) / lineHeight);
    const estimate = estimates.get(b.id);
    if (estimate !== undefined) estimateErrors.push((b.lowest - b.contentTop - estimate * fontSize) / lineHeight);
  }
  const bumps: string[] = [];
  for (const a of blocks) {
    for (const b of blocks) {
      const adjacent = Math.abs(b.left - a.right - gutter) < gutter / 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > lineHeight;
      if (adjacent && Math.abs(a.headlineTop - b.headlineTop) < lineHeight && Math.abs(a.headlineSize - b.headlineSize) < 0.5) bumps.push(`${a.id} | ${b.id}`);
    }
  }
  const lead = blocks[0]!;
  const fullSpan = columns;
  const areaOf = (b: MeasuredBlock) => (b.right - b.left) * (b.bottom - b.top);
  return {
    blankShare: area > 0 ? blank / area : 0,
    columnBlankShare: area > 0 ? columnBlank / area : 0,
    maxBlankLines,
    bumps,
    leadTop: blocks.every((b) => lead.top <= b.top + 1),
    // Largest: no block wider, and none with more area unless the lead runs across the page (通栏).
    leadLargest: blocks.every((b) => b === lead || (b.span <= lead.span && (lead.span === fullSpan || areaOf(b) <= areaOf(lead) + 1))),
    estimateErrors,
  };
}

/** Every body paragraph and in-flow lead of the page view, with the lines Chromium sets it in. */
export function paragraphLines(page: Page): Promise<{ text: string; lines: number; lead: boolean }[]> {
  return page.evaluate(() => {
    const range = document.createRange();
    return [...document.querySelectorAll('.np-article-body p, .np-block-body > .np-lead')].map((p) => {
      range.selectNodeContents(p);
      // One text node per paragraph: one rectangle per line box it is in.
      const lines = [...range.getClientRects()].filter((r) => r.width > 0).length;
      return { text: p.textContent ?? '', lines, lead: p.classList.contains('np-lead') };
    });
  });
}
