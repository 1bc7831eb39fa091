/**
 * The body of an article as Newsprint stores it: plain paragraphs separated by blank lines,
 * grouped by `###` section heads (小标题). Pure functions, shared by the importer (which writes
 * bodies), the site (which reads them) and the tests.
 */

/** A run of paragraphs under one section head; the first section may have no head. */
export interface BodySection {
  /** The section head (小标题), absent for paragraphs before the first head. */
  heading?: string;
  /** The paragraphs, each one line of text. */
  paragraphs: string[];
}

const HEADING = /^###\s+(.*)$/;

/**
 * East Asian Width F, W or H (UAX #11), Hangul excluded: the characters between which CSS Text
 * removes a segment break instead of turning it into a space.
 */
const WIDE = /[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uff61-\uff9f\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/**
 * Punctuation of East Asian Width A that zh-Hans sets full width (clreq §3.1: quotation marks,
 * ellipsis, dash, middle dot): beside a wide character it counts as wide, or a hard-wrapped
 * `他说：“` + `你好”` would get a space inside the quotation.
 */
const CJK_AMBIGUOUS = /[\u2018\u2019\u201c\u201d\u2026\u2014\u00b7\u2015]/u;

/**
 * What a line break inside a paragraph becomes, by CSS Text 3 §4.1.2 (segment break
 * transformation): nothing next to a zero-width space or between two wide characters (Chinese
 * text has no spaces between words), otherwise one space (`said` + `that` → `said that`).
 */
export function segmentBreak(before: string, after: string): '' | ' ' {
  const a = [...before].at(-1) ?? '';
  const b = [...after][0] ?? '';
  if (a === '\u200b' || b === '\u200b') return '';
  const wideA = WIDE.test(a);
  const wideB = WIDE.test(b);
  if (wideA && wideB) return '';
  if ((wideA && CJK_AMBIGUOUS.test(b)) || (wideB && CJK_AMBIGUOUS.test(a))) return '';
  return ' ';
}

/** Joins the lines of one paragraph by the segment-break rules. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => (text === '' ? line : `${text}${segmentBreak(text, line)}${line}`), '');
}

/**
 * Splits a Markdown body into sections. The lines of one paragraph are joined as a browser
 * joins them (see `segmentBreak`): without a space between Chinese characters, with one
 * between Latin words.
 */
export function parseBody(markdown: string): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection = { paragraphs: [] };
  let lines: string[] = [];
  const endParagraph = () => {
    if (lines.length > 0) current.paragraphs.push(joinLines(lines));
    lines = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      if (current.heading !== undefined || current.paragraphs.length > 0) sections.push(current);
      current = { heading: heading[1]!.trim(), paragraphs: [] };
    } else if (line === '') {
      endParagraph();
    } else {
      lines.push(line);
    }
  }
  endParagraph();
  if (current.heading !== undefined || current.paragraphs.length > 0) sections.push(current);
  return sections;
}

/** Writes sections back as a Markdown body: the inverse of `parseBody` for well-formed input. */
export function formatBody(sections: readonly BodySection[]): string {
  const blocks: string[] = [];
  for (const section of sections) {
    if (section.heading !== undefined) blocks.push(`### ${section.heading}`);
    blocks.push(...section.paragraphs);
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

/** All the text of a body in reading order: heads and paragraphs. */
export function bodyText(sections: readonly BodySection[]): string[] {
  return sections.flatMap((s) => (s.heading !== undefined ? [s.heading, ...s.paragraphs] : s.paragraphs));
}
