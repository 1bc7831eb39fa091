/**
 * A block's body in balanced columns, as Chromium sets `column-fill: balance`: the columns
 * are made as short as lets the whole flow fit, then filled one after the other, so the last
 * column takes what is left. With 31 lines in 6 columns that is 6, 6, 6, 6, 6 and 1: balanced
 * columns end level only when the column count suits the number of lines, which is why the
 * placement tries every count and keeps one whose columns end within a line of each other.
 * Paragraphs break between any two lines (`orphans: 1; widows: 1`), figures never
 * (`break-inside: avoid`), a section head stays with the line after it (`break-after: avoid`),
 * and a margin at a column break is dropped (CSS Fragmentation §5.2). Lengths in em.
 */

/** One part of a block's flow, in order. */
export type FlowPart =
  /** Lines of text (a paragraph, a lead, a byline) that may break between any two lines. */
  | { kind: 'lines'; lines: number; lineHeight: number; marginTop?: number; marginBottom?: number }
  /** Something that never breaks: a figure, a section head. */
  | { kind: 'box'; height: number; marginTop?: number; marginBottom?: number; keepWithNext?: boolean };

export interface ColumnFill {
  /** Height of the columns: the tallest column's content. */
  height: number;
  /** Where each column's content ends (0 for an empty column). */
  bottoms: number[];
  /** The column height the flow was filled at (filling is not monotonic in it: a taller column may move a head on and overflow). */
  at: number;
}

/** Where a part of the flow starts: its column (from 0), and whether it opens that column (its margin above dropped). */
export interface PartStart {
  column: number;
  atTop: boolean;
  /** Where its content starts in the column, below its margin. */
  y: number;
}

const EPS = 1e-4;

/**
 * Fills `columns` columns of height `h` in turn (CSS `column-fill: auto`, and the last step of
 * balancing); undefined when the flow does not fit. `starts`, when given, gets where each part
 * of the flow starts.
 */
export function fillAt(flow: FlowPart[], columns: number, h: number, starts?: PartStart[]): number[] | undefined {
  const bottoms = new Array<number>(columns).fill(0);
  let col = 0;
  let y = 0;
  let pending = 0;
  const next = () => {
    col++;
    y = 0;
    pending = 0;
    return col < columns;
  };
  for (let i = 0; i < flow.length; i++) {
    const part = flow[i]!;
    if (part.kind === 'box') {
      const after = flow[i + 1];
      const keep = part.keepWithNext && after ? (after.kind === 'lines' ? after.lineHeight : after.height) : 0;
      let top = y === 0 ? 0 : Math.max(pending, part.marginTop ?? 0);
      if (y > 0 && y + top + part.height + keep > h + EPS) {
        if (!next()) return undefined;
        top = 0;
      }
      if (part.height + keep > h + EPS) return undefined;
      if (starts) starts[i] = { column: col, atTop: y === 0, y: y + top };
      y += top + part.height;
      bottoms[col] = y;
      pending = part.marginBottom ?? 0;
    } else {
      let left = part.lines;
      // Adjoining margins collapse to the larger (CSS 2 §8.3.1).
      let top = y === 0 ? 0 : Math.max(pending, part.marginTop ?? 0);
      let first = true;
      while (left > 0) {
        const room = Math.floor((h - y - top + EPS) / part.lineHeight);
        if (room <= 0) {
          if (y === 0 || !next()) return undefined;
          top = 0;
          continue;
        }
        if (first && starts) starts[i] = { column: col, atTop: y === 0, y: y + top };
        first = false;
        const take = Math.min(room, left);
        y += top + take * part.lineHeight;
        top = 0;
        left -= take;
        bottoms[col] = y;
        // What is left goes on in the next column: the room there is counted on the next turn
        // (this column has less than a line left, so `room` is 0 and `next()` is called).
      }
      pending = part.marginBottom ?? 0;
    }
  }
  return bottoms;
}

/** The flow set in `columns` balanced columns: the shortest column height it fits in. */
export function balance(flow: FlowPart[], columns: number): ColumnFill {
  const total = flow.reduce((n, p) => n + (p.kind === 'lines' ? p.lines * p.lineHeight : p.height) + (p.marginBottom ?? 0) + (p.marginTop ?? 0), 0);
  if (total === 0) return { height: 0, bottoms: new Array<number>(columns).fill(0), at: 0 };
  let low = 0;
  let high = total + 1;
  // The flow always fits one column as tall as all of it; halve the gap to 1/1000 em.
  while (high - low > 1e-3) {
    const mid = (low + high) / 2;
    if (fillAt(flow, columns, mid)) high = mid;
    else low = mid;
  }
  const bottoms = fillAt(flow, columns, high)!;
  return { height: Math.max(...bottoms), bottoms, at: high };
}
