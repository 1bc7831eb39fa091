import { readFileSync, statSync } from 'node:fs';
import { conversionCommand, decodeUtf8Text } from '../model/text-encoding.ts';
import { ImportError } from './errors.ts';

/** Transcripts are one printed page: anything bigger is the wrong file, not a page. */
export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

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
  const decoded = decodeUtf8Text(bytes);
  if ('problem' in decoded) {
    const { kind, line, encoding } = decoded.problem;
    throw new ImportError(
      kind === 'nul-byte'
        ? `${file} contains a NUL byte on line ${line}, so it is not a text file; export the transcript again as plain UTF-8 text.`
        : `${file} is not UTF-8 text: line ${line} has a byte that is not valid UTF-8, and the file looks like ${encoding}; convert it with \`${conversionCommand(file, encoding!)}\`, or save it as UTF-8 in your editor.`,
      { file, line },
    );
  }
  const text = decoded.text;
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
