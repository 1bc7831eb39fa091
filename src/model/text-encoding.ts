/**
 * Is a file UTF-8, and if not, what is it likely to be? Shared by the importer (transcripts)
 * and the content loaders (page and article files): a file saved in GBK must stop with the
 * fix, never be published as U+FFFD. Pure: no file system, no Astro.
 */

/** The 1-based line and column of byte offset `offset` in `bytes` (the column counts bytes). */
export function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of `bytes` is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes all of `bytes` in `encoding`, or undefined when they are not valid in it. */
function decodesAs(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of the non-ASCII characters of `text` that are CJK ideographs or CJK punctuation. */
function cjkShare(text: string): number {
  const wide = [...text].filter((c) => c.codePointAt(0)! > 0x7f);
  if (wide.length === 0) return 0;
  const cjk = wide.filter((c) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c));
  return cjk.length / wide.length;
}

/**
 * The encoding a file that is not UTF-8 is most likely in, by the name `iconv -f` takes:
 * `UTF-16LE`/`UTF-16BE` (a byte-order mark), `GBK` (or `GB18030` when it uses GB18030's
 * four-byte sequences), `BIG5`, else `WINDOWS-1252` as the last resort.
 */
export function likelyEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const gb = decodesAs(bytes, 'gb18030');
  if (gb !== undefined && cjkShare(gb) > 0.8) {
    // GBK is GB18030 without the four-byte forms (a lead byte, then an ASCII digit).
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i]! >= 0x81 && bytes[i]! <= 0xfe) {
        if (bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) return 'GB18030';
        i++;
      }
    }
    return 'GBK';
  }
  const big5 = decodesAs(bytes, 'big5');
  if (big5 !== undefined && cjkShare(big5) > 0.8) return 'BIG5';
  return 'WINDOWS-1252';
}

/** Why a file is not usable text, with where and what it likely is instead. */
export interface EncodingProblem {
  kind: 'not-utf8' | 'nul-byte';
  line: number;
  column: number;
  /** For `not-utf8`: the likely encoding, as `iconv -f` names it. */
  encoding?: string;
}

/**
 * Checks that `bytes` are UTF-8 text (no NUL bytes, which mark a binary file) and decodes them;
 * a byte-order mark is dropped and line endings become `\n`.
 */
export function decodeUtf8Text(bytes: Uint8Array): { text: string } | { problem: EncodingProblem } {
  const nul = bytes.indexOf(0);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (nul >= 0 && !utf16) return { problem: { kind: 'nul-byte', ...positionOfByte(bytes, nul) } };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { problem: { kind: 'not-utf8', ...positionOfByte(bytes, bad), encoding: likelyEncoding(bytes) } };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.startsWith('\ufeff')) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n') };
}

/** The shell command that converts `file` from `encoding` to UTF-8 in place. */
export function conversionCommand(file: string, encoding: string): string {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return `iconv -f ${encoding} -t UTF-8 ${quoted} > ${quoted}.utf8 && mv ${quoted}.utf8 ${quoted}`;
}
