import type { Page } from 'playwright-core';
import { NO_LINE_END, NO_LINE_START } from '../../src/typeset/marks.ts';

/**
 * Measurements of a rendered page in Chromium, for the browser tests. Lines are found the
 * way a reader sees them: every character's box from a DOM Range, a new line wherever the
 * next character's box sits on another line (lower, or at the top of the next column).
 * Each function runs inside the page and returns plain data.
 */

export interface MeasuredLine {
  /** Which of the matched elements the line belongs to. */
  index: number;
  /** The element's text (for messages). */
  owner: string;
  text: string;
  /** Offset of the line's first character in the owner's text. */
  start: number;
}

/** The printed lines of every element matching `selector`. */
export function linesOf(page: Page, selector: string): Promise<MeasuredLine[]> {
  return page.evaluate((sel) => {
    const out: { index: number; owner: string; text: string; start: number }[] = [];
    for (const [index, el] of [...document.querySelectorAll(sel)].entries()) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let current: { text: string; start: number } | undefined;
      let last: DOMRect | undefined;
      const ownerText = el.textContent ?? '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
          if (rect) {
            const newLine = !last || Math.abs(rect.top - last.top) > last.height / 2 || rect.left < last.left - last.height * 2;
            if (newLine) {
              if (current) out.push({ index, owner: ownerText, ...current });
              current = { text: '', start: offset + i };
            }
            last = rect;
          }
          if (current) current.text += text[i];
        }
        offset += text.length;
      }
      if (current) out.push({ index, owner: ownerText, ...current });
    }
    return out;
  }, selector);
}

/** Lines that break a clreq rule: starting with a closing mark, or after a line ending with an opening one. */
export function prohibitedBreaks(lines: MeasuredLine[]): string[] {
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const first = line.text.trimStart()[0];
    if (first && line.start > 0 && NO_LINE_START.includes(first)) problems.push(`line starts with ${first}: “${line.text}” in “${line.owner.slice(0, 30)}…”`);
    const previous = lines[i - 1];
    if (previous && previous.index === line.index && line.start > 0) {
      const end = previous.text.trimEnd();
      if (end && NO_LINE_END.includes(end[end.length - 1]!)) problems.push(`line ends with ${end[end.length - 1]}: “${previous.text}”`);
    }
  });
  return problems;
}

/**
 * Offsets where each phrase-set element (`.np-phrase-text`) may break: between the `<wbr>`
 * separated phrases and around spaces, as the page's HTML gives them.
 */
export function phraseBreaks(page: Page, selector: string): Promise<{ text: string; allowed: number[] }[]> {
  return page.evaluate((sel) =>
    [...document.querySelectorAll(sel)].map((el) => {
      const allowed: number[] = [];
      let offset = 0;
      for (const child of el.childNodes) {
        if (child.nodeName === 'WBR') allowed.push(offset);
        offset += child.textContent?.length ?? 0;
      }
      const text = el.textContent ?? '';
      for (let i = 1; i < text.length; i++) if (text[i - 1] === ' ' || text[i] === ' ') allowed.push(i);
      return { text, allowed };
    }),
  selector);
}

export interface Box {
  label: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The border boxes of the page's article blocks. */
export function blockBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.np-block')].map((el) => {
      const r = el.getBoundingClientRect();
      return { label: el.querySelector('.np-headline')?.textContent ?? '', left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY };
    }),
  );
}

/** Pairs of boxes that overlap by more than a pixel. */
export function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.push(`${a.label} overlaps ${b.label} (${Math.round(w)}×${Math.round(h)} px)`);
    }
  }
  return out;
}

export interface Visibility {
  /** The text of the measured elements, in order. */
  text: string;
  /** Characters measured (not counting collapsed white space). */
  checked: number;
  /** Characters without a box, outside their container, clipped by an ancestor or off-page. */
  hidden: string[];
}

/**
 * Checks that every character inside `selector` is drawn: it has a box of its own, the box
 * lies inside the nearest `container` (the article block) and inside every ancestor that
 * clips its overflow, and inside the page horizontally.
 */
export function visibility(page: Page, selector: string, container: string): Promise<Visibility> {
  return page.evaluate(
    ([sel, cont]) => {
      const hidden: string[] = [];
      let checked = 0;
      let all = '';
      const pageWidth = document.documentElement.clientWidth;
      const range = document.createRange();
      // A glyph's box is its font's ascent to descent, taller than a tight display line
      // (headlines: 1.25em): vertically it may reach into the half-leading, up to a quarter
      // of its height, without anything being cut.
      const inside = (r: DOMRect, box: DOMRect) => {
        const slack = 1 + r.height / 4;
        return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
      };
      for (const el of document.querySelectorAll(sel)) {
        all += `${el.textContent ?? ''}\n`;
        const box = (el.closest(cont) ?? document.body).getBoundingClientRect();
        const clippers: Element[] = [];
        for (let a = el.parentElement; a; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible') if (a !== document.documentElement && a !== document.body) clippers.push(a);
        }
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible' || Number(style.opacity) === 0) hidden.push(`${(el.textContent ?? '').slice(0, 20)}: not visible`);
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.nodeValue ?? '';
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i]!)) continue;
            checked++;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = [...range.getClientRects()].find((x) => x.width > 0 && x.height > 0);
            const where = `“${text.slice(Math.max(0, i - 5), i + 5)}” (${text[i]})`;
            if (!r) hidden.push(`${where}: no box`);
            else if (!inside(r, box)) hidden.push(`${where}: outside its block`);
            else if (r.left < 0 || r.right > pageWidth + 1) hidden.push(`${where}: off the page`);
            else if (clippers.some((c) => !inside(r, c.getBoundingClientRect()))) hidden.push(`${where}: clipped`);
          }
        }
      }
      return { text: all, checked, hidden: hidden.slice(0, 20) };
    },
    [selector, container] as const,
  );
}

/**
 * For every multi-column body: how far apart (in lines) the bottoms of its columns are.
 * Columns are the boxes its fragmented children leave in each column.
 */
export function columnSpread(page: Page): Promise<{ label: string; columns: number; spreadLines: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.np-block-body')].map((body) => {
      const lineHeight = parseFloat(getComputedStyle(body).lineHeight);
      const bottoms = new Map<number, number>();
      for (const child of body.querySelectorAll('p, .np-section-head, .np-figure, .np-byline')) {
        for (const r of child.getClientRects()) {
          if (r.height === 0) continue;
          const key = Math.round(r.left);
          bottoms.set(key, Math.max(bottoms.get(key) ?? 0, r.bottom));
        }
      }
      const values = [...bottoms.values()];
      const label = body.closest('.np-block')?.querySelector('.np-headline')?.textContent ?? '';
      return { label, columns: values.length, spreadLines: values.length > 1 ? (Math.max(...values) - Math.min(...values)) / lineHeight : 0 };
    }),
  );
}
