import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest, USAGE } from '../src/importer/index.ts';
import { ImportError } from '../src/importer/errors.ts';
import { checkIdentity } from '../src/importer/options.ts';
import { scratchDir, transcriptPath } from './helpers/paths.ts';

/**
 * Bad input: a clear message naming the file, line or option and the fix, a
 * non-zero exit, and nothing written.
 */
let dir = '';
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const good = ['--date', '2023-07-02', '--page', 'A03', '--section', '要闻'];

beforeAll(() => {
  dir = path.join(scratchDir(), 'bad-input');
  mkdirSync(dir, { recursive: true });
});

/** Runs an import into a fresh folder and checks that nothing was written there. */
function refused(args: string[]) {
  const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
  const run = runIngest([...args, '--out', out], dir);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return run.stderr;
}

describe('bad transcripts', () => {
  it('an empty or blank file', () => {
    expect(refused([file('empty.txt', ''), ...good])).toMatch(/empty\.txt is empty; give the transcript/);
    expect(refused([file('blank.txt', '\n  \n\n'), ...good])).toMatch(/blank\.txt is empty/);
  });

  it('a file without a headline', () => {
    expect(refused([file('nohead.txt', '市民纷纷前往参观。\n\n会议强调要抓落实。'), ...good])).toMatch(/nohead\.txt has no headline: .*`# headline`/);
  });

  it('a file with NUL bytes, naming the line', () => {
    expect(refused([file('nul.txt', '# 标题\n\n正文\u0000。'), ...good])).toMatch(/nul\.txt contains a NUL byte on line 3.*UTF-8/);
  });

  it('a file that is not UTF-8 (GBK), naming the line and the conversion', () => {
    const gbk = Uint8Array.from([0x23, 0x20, 0xb1, 0xea, 0xcc, 0xe2, 0x0a]); // "# 标题" in GBK
    expect(refused([file('gbk.txt', gbk), ...good])).toMatch(/gbk\.txt is not UTF-8 text: .*line 1.*iconv/);
  });

  it('a file over 5 MB', () => {
    const big = file('big.txt', `# 标题\n\n${'很长的正文。'.repeat(300_000)}`);
    expect(refused([big, ...good])).toMatch(/big\.txt is 5\.\d MB, more than the 5 MB/);
  });

  it('a missing file', () => {
    expect(refused([path.join(dir, 'missing.txt'), ...good])).toMatch(/missing\.txt: it does not exist/);
  });
});

describe('bad options', () => {
  it('a date that is not a real YYYY-MM-DD', () => {
    for (const date of ['2023-02-30', '2023-7-2', 'yesterday']) {
      expect(refused([transcriptPath, '--date', date, '--page', 'A03', '--section', '要闻'])).toMatch(/--date ".*" is not a real date .*--date 2023-07-02/);
    }
  });

  it('a page number outside [A-Za-z0-9-], such as a path', () => {
    for (const page of ['../A03', 'A 03', 'A03/1', '版3']) {
      expect(refused([transcriptPath, '--date', '2023-07-02', '--page', page, '--section', '要闻'])).toMatch(/--page ".*" may only use letters, digits and hyphens/);
    }
  });

  it('a section that is empty or spans lines', () => {
    for (const section of ['', '  ', '要\n闻', '要\r闻']) {
      expect(refused([transcriptPath, '--date', '2023-07-02', '--page', 'A03', '--section', section])).toBe(
        '--section is empty or spans lines; give the section name (版名) printed in the page header, for example --section 要闻.\n',
      );
    }
  });

  it('names the option at fault on the error, and trims what it accepts', () => {
    const fault = (identity: { date: string; page: string; section: string }) => {
      try {
        checkIdentity(identity);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as ImportError).field;
      }
      return undefined;
    };
    expect(fault({ date: '2023-02-30', page: 'A03', section: '要闻' })).toBe('--date');
    expect(fault({ date: '2023-07-02', page: 'A/3', section: '要闻' })).toBe('--page');
    expect(fault({ date: '2023-07-02', page: 'A03', section: ' ' })).toBe('--section');
    expect(checkIdentity({ date: ' 2023-07-02 ', page: ' A03 ', section: ' 要闻 ' })).toEqual({ date: '2023-07-02', page: 'A03', section: '要闻' });
    // The import takes the options as checked: a section pasted with its line end is 要闻.
    const run = runIngest([transcriptPath, '--date', ' 2023-07-02', '--page', 'A03 ', '--section', ' 要闻\r', '--json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { page: object }).page).toMatchObject({ date: '2023-07-02', number: 'A03', section: '要闻' });
  });

  it('no section and no page file to take it from', () => {
    expect(refused([transcriptPath, '--date', '2023-07-02', '--page', 'A03'])).toMatch(/--section is missing/);
  });

  it('an output folder that is a file', () => {
    const blocker = file('not-a-folder', 'x');
    const run = runIngest([transcriptPath, ...good, '--out', blocker], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not-a-folder is a file, not a folder; choose another --out folder/);
  });

  // Permission bits do not stop root (CI runs as root), so these use folders the kernel
  // itself refuses to write, for root and everyone else alike.
  it('an output folder that is not writable (access refused)', () => {
    const run = runIngest([transcriptPath, ...good, '--out', '/proc/self'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot write to \/proc\/self\/2023-07-02: the folder \/proc\/self is not writable; fix its permissions or choose another --out folder/);
  });

  it('an output folder that cannot be created (the kernel refuses)', () => {
    const run = runIngest([transcriptPath, ...good, '--out', '/sys/kernel'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot write to \/sys\/kernel\/2023-07-02: creating the folder failed \(EPERM\); fix its permissions or choose another --out folder\. Nothing was written\./);
    expect(existsSync('/sys/kernel/2023-07-02')).toBe(false);
  });

});

describe('wrong usage: exit 2, the reason and the usage on stderr, nothing written', () => {
  /** Runs with a fresh --out and checks the contract of exit code 2. */
  function usage(args: string[]) {
    const out = path.join(dir, `usage-${Math.random().toString(36).slice(2)}`);
    const run = runIngest([...args, '--out', out], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith(`\n${USAGE}\n`)).toBe(true);
    expect(existsSync(out)).toBe(false);
    return run.stderr.slice(0, -USAGE.length - 2);
  }

  it('an unknown option, named', () => {
    expect(usage([transcriptPath, ...good, '--bogus'])).toMatch(/Unknown option '--bogus'/);
  });

  it('no transcript, or more than one', () => {
    expect(usage(good)).toBe('Give the transcript to import, for example samples/2023-07-02-A03/transcript.txt.');
    expect(usage(['a.txt', 'b.txt', ...good])).toBe('Give one transcript per run; got 2: a.txt, b.txt.');
  });

  it('no --date, or no --page', () => {
    expect(usage([transcriptPath, '--page', 'A03', '--section', '要闻'])).toBe('--date is missing: give the issue date, for example --date 2023-07-02.');
    expect(usage([transcriptPath, '--date', '2023-07-02', '--section', '要闻'])).toBe('--page is missing: give the page number, for example --page A03.');
  });

  it('an option without its value', () => {
    expect(usage([transcriptPath, '--page', 'A03', '--section', '要闻', '--date'])).toMatch(/--date/);
  });

  it('--help prints the usage to stdout and exits 0', () => {
    expect(runIngest(['--help'], dir)).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    expect(runIngest(['-h'], dir).code).toBe(0);
  });

});
