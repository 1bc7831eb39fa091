import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportRepeated, type RepeatedWarning } from '../src/loaders/warning-summary.ts';
import { scratchDir } from './helpers/paths.ts';

/** Repeated warnings are summarised with a count and the first files; the full list goes to a file. */
const kind = { id: 'figure-without-image', summary: (n: number) => `${n} figures have no image file.` };
const warnings = (n: number): RepeatedWarning[] =>
  Array.from({ length: n }, (_, i) => ({ file: `content/2023-01-01/A01-${i + 1}.md`, message: `content/2023-01-01/A01-${i + 1}.md: figure 1 has no image file.` }));

function logger() {
  const lines: string[] = [];
  return { lines, warn: (m: string) => lines.push(m) };
}

describe('repeated warnings', () => {
  const folder = path.join(scratchDir(), 'warnings');

  it('a few are printed whole, and no list file is left', async () => {
    const log = logger();
    expect(await reportRepeated(log, kind, warnings(3), folder)).toBeUndefined();
    expect(log.lines).toEqual(warnings(3).map((w) => w.message));
  });

  it('many are one line with the count, the first files and the list file, which holds every one', async () => {
    const log = logger();
    const file = await reportRepeated(log, kind, warnings(5000), folder);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toContain('5000 figures have no image file.');
    expect(log.lines[0]).toContain('content/2023-01-01/A01-1.md, content/2023-01-01/A01-2.md, content/2023-01-01/A01-3.md and 4997 more');
    expect(log.lines[0]).not.toContain('A01-4.md');
    expect(log.lines[0]).toContain(file!);
    const list = (await readFile(file!, 'utf8')).trimEnd().split('\n');
    expect(list).toEqual(warnings(5000).map((w) => w.message));
    // A later build without them removes the list, so it never describes an older build.
    await reportRepeated(logger(), kind, [], folder);
    await expect(stat(file!)).rejects.toThrow();
  });
});
