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
 * Splits a Markdown body into sections. Lines of one paragraph are joined without a space,
 * because Chinese text has no spaces between words and a soft line break must not add one.
 */
export function parseBody(markdown: string): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection = { paragraphs: [] };
  let lines: string[] = [];
  const endParagraph = () => {
    if (lines.length > 0) current.paragraphs.push(lines.join(''));
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
