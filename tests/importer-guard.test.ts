import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scratchDir, transcriptPath } from './helpers/paths.ts';

/**
 * The nothing-lost guard is wired into every import (its own rules are tested in
 * importer-rules.test.ts). A correct importer never trips it, so an import that stopped calling it
 * would pass every other test: here the real guard runs under a spy that records its calls, and
 * once is made to fail, to see that the import stops before anything is written.
 */
vi.mock('../src/importer/nothing-lost.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/importer/nothing-lost.ts')>();
  return { ...real, assertNothingLost: vi.fn(real.assertNothingLost) };
});
const { assertNothingLost } = await import('../src/importer/nothing-lost.ts');
const { importTranscript, runIngest, ImportError } = await import('../src/importer/index.ts');

const guard = vi.mocked(assertNothingLost);
const identity = { date: '2023-07-02', page: 'A03', section: '要闻' };

describe('the import and the nothing-lost guard', () => {
  it('checks every import’s result against its transcript before giving it back', () => {
    guard.mockClear();
    const text = readFileSync(transcriptPath, 'utf8');
    const result = importTranscript(text, identity, 'transcript.txt');
    expect(guard).toHaveBeenCalledTimes(1);
    expect(guard).toHaveBeenCalledWith(text, result, 'transcript.txt');
    // The guard saw the finished result, not a draft: the object it checked is the one returned.
    expect(guard.mock.calls[0]![1]).toBe(result);
  });

  it('stops the ingest command with exit code 1 and writes nothing when the guard finds a loss', () => {
    const out = path.join(scratchDir(), 'guard-tripped');
    guard.mockImplementationOnce(() => {
      throw new ImportError('The importer would lose the character 济 (3 in transcript.txt, 2 in the result), so nothing was written.');
    });
    const run = runIngest([transcriptPath, '--date', '2023-07-02', '--page', 'A03', '--section', '要闻', '--out', out], '/');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('would lose the character 济');
    expect(existsSync(out)).toBe(false);
    // The same command with the real guard writes the page.
    expect(runIngest([transcriptPath, '--date', '2023-07-02', '--page', 'A03', '--section', '要闻', '--out', out], '/').code).toBe(0);
    expect(existsSync(path.join(out, '2023-07-02', 'A03.yaml'))).toBe(true);
  });
});
