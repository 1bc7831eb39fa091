import type { Selectors } from './selectors.ts';

/**
 * Measures a page view in the browser, for the layout checks. It runs inside the page
 * (Playwright's `evaluate`), so it is one self-contained function: no imports, no helpers
 * outside it. Lengths are CSS px from the top of the document's body.
 */

export interface LineStretch {
  /** 0-based index of the paragraph among the block's justified paragraphs (the lead first, if in the flow). */
  paragraph: number;
  /** Extra space added between characters on the worst line, in em of the text. */
  stretch: number;
  /** The line's text. */
  line: string;
  /** The text of the next line, which opens with what would not fit. */
  run: string;
}

export interface BlockMeasure {
  top: number;
  bottom: number;
  /** Lines the headline takes, and the lines it was written with (its `<br>`s + 1). */
  headlineLines: number;
  headlinePrinted: number;
  /** Columns of the body, and how far apart their last lines end, in body lines. */
  columns: number;
  columnSpread: number;
  /** The body paragraphs in reading order, each with the worst stretch of its lines. */
  stretched: LineStretch[];
  /** Whether the lead is set in the body flow (it is then paragraph 0 of `stretched`). */
  leadInFlow: boolean;
}

export interface PageMeasure {
  /** Height of the page's content (the body), at the sheet's width, as printed. */
  height: number;
  /** The page's basic columns, and the height of one line of body text in px. */
  columns: number;
  bodyLine: number;
  blocks: BlockMeasure[];
}

export function measurePage(selectors: Selectors): PageMeasure {
  const origin = document.body.getBoundingClientRect().top;
  const range = document.createRange();
  const textNodes = (root: Node): Text[] => {
    const out: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
    return out;
  };
  const lineRects = (root: Node): DOMRect[] =>
    textNodes(root).flatMap((t) => {
      range.selectNodeContents(t);
      return Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    });
  // Natural advance of each character in a paragraph's font, measured once per font.
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;left:0;top:0';
  document.body.append(probe);
  const widths = new Map<string, number>();
  const natural = (ch: string, font: string): number => {
    const key = `${font}\u0000${ch}`;
    let w = widths.get(key);
    if (w === undefined) {
      probe.style.font = font;
      probe.textContent = ch;
      w = probe.getBoundingClientRect().width;
      widths.set(key, w);
    }
    return w;
  };

  const blocks = Array.from(document.querySelectorAll<HTMLElement>(selectors.block)).map((block): BlockMeasure => {
    const box = block.getBoundingClientRect();
    const headline = block.querySelector<HTMLElement>(selectors.headline);
    const headlineTops: number[] = [];
    if (headline) {
      const size = parseFloat(getComputedStyle(headline).fontSize);
      for (const r of lineRects(headline)) if (!headlineTops.some((t) => Math.abs(t - r.top) < size / 2)) headlineTops.push(r.top);
    }
    const body = block.querySelector<HTMLElement>(selectors.body);
    let columns = 1;
    let columnSpread = 0;
    const stretched: LineStretch[] = [];
    if (body) {
      const style = getComputedStyle(body);
      columns = parseInt(style.columnCount, 10) || 1;
      const first = body.querySelector('p');
      const leading = first ? parseFloat(getComputedStyle(first).lineHeight) : parseFloat(style.lineHeight);
      if (columns > 1) {
        const bodyBox = body.getBoundingClientRect();
        const gap = parseFloat(style.columnGap) || 0;
        const width = (bodyBox.width - gap * (columns - 1)) / columns;
        const bottoms: number[] = Array.from({ length: columns }, () => bodyBox.top);
        const rects = [...lineRects(body), ...Array.from(body.querySelectorAll(selectors.figure)).flatMap((f) => Array.from(f.getClientRects()))];
        for (const r of rects) {
          const col = Math.min(columns - 1, Math.max(0, Math.round((r.left - bodyBox.left) / (width + gap))));
          bottoms[col] = Math.max(bottoms[col]!, r.bottom);
        }
        columnSpread = (Math.max(...bottoms) - Math.min(...bottoms)) / leading;
      }
      Array.from(body.querySelectorAll<HTMLElement>(selectors.paragraphs)).forEach((p, paragraph) => {
        const ps = getComputedStyle(p);
        const size = parseFloat(ps.fontSize);
        const font = `${ps.fontStyle} ${ps.fontWeight} ${ps.fontSize} ${ps.fontFamily}`;
        const indent = parseFloat(ps.textIndent) || 0;
        const columnWidth = p.getClientRects()[0]?.width ?? p.clientWidth;
        // Every character with its box, grouped into lines by their top.
        const lines: { chars: string[]; top: number }[] = [];
        for (const t of textNodes(p)) {
          const chars = Array.from(t.data);
          let offset = 0;
          for (const ch of chars) {
            range.setStart(t, offset);
            range.setEnd(t, offset + ch.length);
            offset += ch.length;
            const r = range.getClientRects()[0];
            if (!r) continue;
            const line = lines.at(-1);
            if (line && Math.abs(line.top - r.top) < size / 2) line.chars.push(ch);
            else lines.push({ chars: [ch], top: r.top });
          }
        }
        let worst: LineStretch | undefined;
        // The last line of a paragraph is set flush left, never justified.
        lines.slice(0, -1).forEach((line, i) => {
          const text = line.chars.join('').replace(/\s+$/, '');
          const used = Array.from(text).reduce((n, ch) => n + natural(ch, font), 0);
          const gaps = Math.max(1, Array.from(text).length - 1);
          const stretch = (columnWidth - (i === 0 ? indent : 0) - used) / gaps / size;
          if (!worst || stretch > worst.stretch) {
            const next = lines[i + 1]!.chars.join('');
            worst = { paragraph, stretch, line: text, run: next };
          }
        });
        if (worst) stretched.push(worst);
      });
    }
    return {
      top: box.top - origin,
      bottom: box.bottom - origin,
      headlineLines: headlineTops.length,
      headlinePrinted: headline ? headline.querySelectorAll('br').length + 1 : 0,
      columns,
      columnSpread,
      stretched,
      leadInFlow: !!block.querySelector(selectors.leadInFlow),
    };
  });
  probe.remove();
  const print = document.querySelector<HTMLElement>(selectors.print);
  const printStyle = print ? getComputedStyle(print) : undefined;
  return {
    height: document.body.getBoundingClientRect().height,
    columns: parseInt(printStyle?.getPropertyValue('--np-columns') ?? '', 10) || 8,
    bodyLine: parseFloat(printStyle?.lineHeight ?? '') || 16,
    blocks,
  };
}
