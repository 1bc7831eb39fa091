import { readFileSync, statSync } from 'node:fs';
import { ImportError } from './errors.ts';

/** Transcripts are one printed page: anything bigger is the wrong file, not a page. */
export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/** The 1-based line of byte offset `offset` in `bytes`. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of `bytes` is valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
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

function tooBig(file: string, size: number): ImportError {
  return new ImportError(
    `${file} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the 5 MB a transcript of one page can be; check that it is the right file, or split it into one transcript per page.`,
    { file },
  );
}

/**
 * Checks and decodes the bytes of a transcript: UTF-8 only (a BOM is dropped), no NUL bytes,
 * at most 5 MB, not empty. Line endings become `\n`. Throws an `ImportError` naming the file,
 * the line and the fix.
 */
export function decodeTranscript(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) throw tooBig(file, bytes.length);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new ImportError(
      `${file} contains a NUL byte on line ${lineOfByte(bytes, nul)}, so it is not a text file; export the transcript again as plain UTF-8 text.`,
      { file, line: lineOfByte(bytes, nul) },
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new ImportError(
      `${file} is not UTF-8 text: the byte at offset ${bad} on line ${lineOfByte(bytes, bad)} is not valid UTF-8 (is the file in GBK or GB18030?); convert it, for example with \`iconv -f GB18030 -t UTF-8\`.`,
      { file, line: lineOfByte(bytes, bad) },
    );
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.startsWith('\ufeff')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new ImportError(`${file} is empty; give the transcript of a page, with a line \`# headline\` for each article.`, { file });
  }
  return text;
}

/** Reads and decodes a transcript file; see `decodeTranscript`. */
export function readTranscript(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportError(`${file} is not a file; give the path of a transcript (.txt).`, { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`Cannot read the transcript ${file}: it does not exist or is not readable; check the path.`, { file });
  }
  // Refuse a huge file before reading it into memory.
  if (size > MAX_TRANSCRIPT_BYTES) throw tooBig(file, size);
  return decodeTranscript(readFileSync(file), file);
}
