/**
 * The first pass over a transcript: its lines grouped into Markdown-like blocks. A block is a
 * heading line (`#`…`######`) or a run of non-blank text lines; blank lines only separate
 * blocks, but how many there were is kept, because a run of 2+ blank lines is a scar of the
 * print layout that hints at a dropped-in block (samples/2023-07-02-A03/ANATOMY.md D12).
 */

export interface Block {
  kind: 'heading' | 'text';
  /** Heading level 1–6; 0 for text. */
  level: number;
  /** The block's lines without the heading marks, trimmed (text blocks: one entry per line). */
  lines: string[];
  /** 1-based transcript line of the block's first line. */
  line: number;
  /** Blank lines between this block and the previous one (or the file start). */
  blanksBefore: number;
  /** Blank lines between this block and the next one (or the file end). */
  blanksAfter: number;
}

/** A run of blank lines longer than one, or any blank lines at the start or end of the file. */
export interface BlankRun {
  line: number;
  count: number;
}

const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** Splits transcript text (with `\n` line ends) into blocks. */
export function splitBlocks(text: string): { blocks: Block[]; blankRuns: BlankRun[] } {
  const lines = text.split('\n');
  // The line end of the last line (POSIX: every line ends with one) does not start a blank line.
  if (text.endsWith('\n')) lines.pop();
  const blocks: Block[] = [];
  const blankRuns: BlankRun[] = [];
  let blanks = 0;
  let blankStart = 1;
  let current: Block | undefined;
  const close = () => {
    current = undefined;
  };
  lines.forEach((raw, index) => {
    const number = index + 1;
    if (raw.trim() === '') {
      if (blanks === 0) blankStart = number;
      blanks++;
      close();
      return;
    }
    if (blanks > 0) {
      if (blanks > 1 || blocks.length === 0) blankRuns.push({ line: blankStart, count: blanks });
      const previous = blocks[blocks.length - 1];
      if (previous) previous.blanksAfter = blanks;
    }
    const heading = HEADING.exec(raw.trim());
    if (heading && raw.trim().startsWith('#')) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, lines: [(heading[2] ?? '').trim()], line: number, blanksBefore: blanks, blanksAfter: 0 });
      close();
    } else if (current) {
      current.lines.push(raw.trim());
    } else {
      current = { kind: 'text', level: 0, lines: [raw.trim()], line: number, blanksBefore: blanks, blanksAfter: 0 };
      blocks.push(current);
    }
    blanks = 0;
  });
  if (blanks > 0 && blocks.length > 0) {
    blankRuns.push({ line: blankStart, count: blanks });
    blocks[blocks.length - 1]!.blanksAfter = blanks;
  }
  return { blocks, blankRuns };
}

/** The text of a block as one paragraph: Chinese lines join without a space (see parseBody). */
export function blockText(block: Block): string {
  return block.lines.join('');
}
