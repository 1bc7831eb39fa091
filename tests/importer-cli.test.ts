import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngestCli } from './helpers/importer-run.ts';
import { contentDir, scratchDir, transcriptPath } from './helpers/paths.ts';

/**
 * `npm run ingest` as a reader runs it: the real script in its own process passes on the exit
 * code and the messages of `runIngest` (whose every branch the in-process tests of
 * importer-bad-input check). Apart from those tests because a process of its own is slow and
 * out of Stryker's reach, so `npm run test:mutation` leaves this file out.
 */
let dir = '';
beforeAll(() => {
  dir = path.join(scratchDir(), 'ingest-cli');
  mkdirSync(dir, { recursive: true });
});

describe('npm run ingest: the real script', () => {
  it('exits non-zero from the real script, with usage for a missing argument', () => {
    const run = runIngestCli(['--date', '2023-07-02']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Give the transcript to import.*\nUsage: npm run ingest/);
  });

  it('the real script passes each exit code on: 0 done, 1 refused, 2 wrong usage', () => {
    const out = path.join(dir, 'cli-codes');
    const good = ['--date', '2023-07-02', '--page', 'A03', '--section', '要闻'];
    expect(runIngestCli([transcriptPath, ...good, '--out', out]).code).toBe(0);
    // What the script wrote is the sample edition, byte for byte (importer-golden checks the same in process).
    for (const name of ['A03.yaml', 'A03-1.md', 'A03-2.md']) {
      expect(readFileSync(path.join(out, '2023-07-02', name), 'utf8'), name).toBe(readFileSync(path.join(contentDir, '2023-07-02', name), 'utf8'));
    }
    const empty = path.join(dir, 'cli-empty.txt');
    writeFileSync(empty, '');
    const refused = runIngestCli([empty, ...good, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cli-empty\.txt is empty/);
    const unknown = runIngestCli([transcriptPath, ...good, '--out', out, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
