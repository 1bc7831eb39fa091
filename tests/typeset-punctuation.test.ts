import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePunctuation, summariseMarks } from '../src/typeset/punctuation.ts';
import { runs } from './helpers/property.ts';

/**
 * Punctuation of running text (GB/T 15834: full-width marks in Chinese text; clreq §3.1.6: a
 * full-width mark carries its own spacing), beyond the importer's everyday cases in
 * importer-rules.test.ts: brackets in pairs, curly quotes shared with Western text, edge spaces,
 * and what the importer's report is told (marks in order, spaces counted).
 */
const norm = (text: string) => normalisePunctuation(text).text;

describe('ASCII brackets convert in pairs, never as a mixed pair', () => {
  it.each([
    // Only the opening bracket touches Chinese text; its partner follows it.
    ['见附件(A)', '见附件（A）'],
    // Only the closing bracket does; its partner is converted too.
    ['(A)号', '（A）号'],
    // A full-width bracket the author typed sets the pair.
    ['（CBD)', '（CBD）'],
    // Two pairs, each set by its own neighbour.
    ['(A)号(B)号', '（A）号（B）号'],
    // A bracket made full-width by its partner is Chinese for the comma beside it.
    ['见附件(A),B', '见附件（A），B'],
  ])('%s → %s', (text, want) => {
    expect(norm(text)).toBe(want);
  });

  it('reports the marks in the order they stand in the text, whatever order they were converted in', () => {
    // The closing brackets convert first (they touch 号), the opening ones through their partners.
    expect(normalisePunctuation('(A)号(B)号').marks).toEqual([
      { index: 0, from: '(', to: '（' },
      { index: 2, from: ')', to: '）' },
      { index: 4, from: '(', to: '（' },
      { index: 6, from: ')', to: '）' },
    ]);
  });
});

describe('spaces beside curly quotes and at the edges', () => {
  it('drops a space beside a curly quote when Chinese text is on the far side of the quote', () => {
    expect(normalisePunctuation('他说“好” OK')).toEqual({ text: '他说“好”OK', marks: [], spacesRemoved: 1 });
    expect(normalisePunctuation('OK “好”')).toEqual({ text: 'OK“好”', marks: [], spacesRemoved: 1 });
  });

  it('keeps the spaces of Western text in curly quotes', () => {
    expect(normalisePunctuation('say “hi” to')).toEqual({ text: 'say “hi” to', marks: [], spacesRemoved: 0 });
  });

  it('leaves spaces at the start and end of a line to the line’s trim, and does not report them as stray', () => {
    expect(normalisePunctuation('  ——记者手记')).toEqual({ text: '  ——记者手记', marks: [], spacesRemoved: 0 });
    expect(normalisePunctuation('好。  ')).toEqual({ text: '好。  ', marks: [], spacesRemoved: 0 });
  });

  it('counts every space it removes', () => {
    expect(normalisePunctuation('获得 “优秀” 称号').spacesRemoved).toBe(2);
    expect(normalisePunctuation('今天  ，  晴')).toEqual({ text: '今天，晴', marks: [], spacesRemoved: 4 });
  });
});

describe('what the importer’s report is told', () => {
  it('summarises the marks by kind, with counts, in the order each kind first appears', () => {
    const { marks } = normalisePunctuation('会议指出,要抓落实,同时?对吗?好,');
    expect(summariseMarks(marks)).toBe(', → ， ×3; ? → ？ ×2');
    expect(summariseMarks([])).toBe('');
  });

  it('for any line: marks point at the ASCII mark they replaced, in order, and the text shrinks by the spaces removed', () => {
    const piece = fc.constantFrom('好', '中心', 'CBD', 'OK', '5', ',', ':', ';', '?', '!', '(', ')', '（', '）', '“', '”', '。', '，', ' ', '  ', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (text) => {
        const result = normalisePunctuation(text);
        const before = Array.from(text);
        const after = Array.from(result.text);
        expect(before.length - after.length).toBe(result.spacesRemoved);
        const indices = result.marks.map((m) => m.index);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
        for (const mark of result.marks) expect(before[mark.index]).toBe(mark.from);
        // Nothing else changes: with the replaced marks put in and every space taken out, both sides agree.
        const put = before.map((c, i) => result.marks.find((m) => m.index === i)?.to ?? c);
        const unspaced = (chars: string[]) => chars.join('').replace(/[ \t\u00a0]/g, '');
        expect(unspaced(after)).toBe(unspaced(put));
      }),
      runs(300, 71),
    );
  });
});
