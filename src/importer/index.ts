/**
 * The transcript importer: from a printed page's text transcript to Newsprint
 * content files. Pure TypeScript, no Astro: the CLI (`scripts/ingest.ts`), the benchmark and
 * the tests use it directly.
 */
export { importTranscript } from './import-page.ts';
export { decodeTranscript, readTranscript, MAX_TRANSCRIPT_BYTES } from './read-transcript.ts';
export { serializeArticle, serializeImport, serializePage } from './serialize.ts';
export { writeImport, MANIFEST_NAME, type WriteOutcome } from './write-files.ts';
export { runIngest, USAGE, type IngestResult } from './run-ingest.ts';
export { formatReport } from './report.ts';
export { ImportError } from './errors.ts';
export type { PageIdentity } from './options.ts';
export type * from './types.ts';
