import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { FileProblem } from '../errors/problem-report.ts';

/**
 * YAML as editors write it, read as YAML 1.2 (dates and `03` stay what the spec says, and an
 * impossible date such as 2024-02-30 reaches the schema as text instead of rolling over to
 * 1 March), with every error turned into a line, a column and a fix. Used for page files and
 * for the front matter of articles.
 */

/** What each YAML error means for an editor, and the fix. */
function yamlAdvice(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'the line is indented with a tab; YAML needs spaces: indent with two spaces per level, never tabs.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'the value contains `: `, which YAML reads as the start of another field; put the whole value in double quotes, for example headline: "…".';
    case 'DUPLICATE_KEY':
      return 'this field is written twice; keep one of them.';
    case 'BAD_INDENT':
      return /Flow (sequence|mapping)/.test(message)
        ? 'a list or group opened with [ or { is not closed; end it with ] or } on the same line, or write one `- ` line per entry.'
        : 'the line is not indented like the lines around it; line up fields of one group with the same number of spaces.';
    case 'MISSING_CHAR':
      return /quote|"/i.test(message) || /Missing closing/.test(message)
        ? 'a quotation mark or bracket is not closed; close it on the same line.'
        : 'a character YAML needs is missing here (a `:` after a field name, or a closing bracket).';
    case 'BAD_SCALAR_START':
      return 'a value cannot start with this character in YAML; put the whole value in double quotes.';
    case 'UNEXPECTED_TOKEN':
      return 'YAML cannot read this line; write `field: value`, and put values that contain `: `, `#` or brackets in double quotes.';
    default:
      return `YAML cannot read this (${message.split(/ at line \d+/)[0]!.trim()}); write \`field: value\`, and put values that contain \`: \`, \`#\` or brackets in double quotes.`;
  }
}

/** A parsed YAML source that can say where each value was written. */
export interface YamlSource {
  data: unknown;
  /** The 1-based line and column where the value (or, with `key`, the key) at `path` starts. */
  locate(path: readonly PropertyKey[], key?: boolean): { line: number; column: number } | undefined;
  /** The characters the value at `path` was written with, such as `03` for the number 3. */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

/**
 * Parses `text` (which starts on line `firstLine` of its file) as one YAML mapping. Returns the
 * problems instead when it is not valid YAML or not a mapping of fields.
 */
export function parseYamlSource(text: string, firstLine = 1): YamlSource | { problems: FileProblem[] } {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const shift = firstLine - 1;
  if (doc.errors.length > 0) {
    // The first error is the real one; the others usually follow from it.
    const error = doc.errors[0]!;
    const at = lines.linePos(error.pos[0]);
    return { problems: [{ line: at.line + shift, column: at.col, message: yamlAdvice(error.code, error.message) }] };
  }
  const data: unknown = doc.toJS();
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { problems: [{ line: firstLine, message: 'expected fields written as `field: value`, one per line, but this is a single value or a list.' }] };
  }
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const node = doc.getIn(path as unknown[], true);
    return node && typeof node === 'object' && 'range' in (node as object) ? (node as Node) : undefined;
  };
  const position = (offset: number) => {
    const at = lines.linePos(offset);
    return { line: at.line + shift, column: at.col };
  };
  return {
    data: data ?? {},
    locate(path, key = false) {
      if (key && path.length > 0) {
        const parent = path.length === 1 ? doc.contents : nodeAt(path.slice(0, -1));
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(path.at(-1)));
          const keyNode = pair?.key as Node | undefined;
          if (keyNode?.range) return position(keyNode.range[0]);
        }
      }
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : nodeAt(path.slice(0, n));
        if (node?.range) return position(node.range[0]);
      }
      return undefined;
    },
    sourceOf(path) {
      const node = nodeAt(path);
      return node?.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

/** The front matter of a Markdown file and where its body starts. */
export interface FrontMatterSplit {
  yaml: string;
  /** The line of the file the YAML starts on (2: after the opening `---`). */
  yamlLine: number;
  body: string;
}

/** Splits `---` front matter from the body, or says how the file should begin. */
export function splitFrontMatter(text: string): FrontMatterSplit | { problems: FileProblem[] } {
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    const opened = /^---[ \t]*\n/.test(text);
    return {
      problems: [
        opened
          ? { line: 1, message: 'the front matter opened by `---` on line 1 is never closed; end it with a line of three hyphens `---` before the article text.' }
          : { line: 1, message: 'the file does not start with front matter; its first line must be `---`, then the fields (page, order, headline…), then another `---` line.' },
      ],
    };
  }
  return { yaml: match[1] ?? '', yamlLine: 2, body: text.slice(match[0].length) };
}
