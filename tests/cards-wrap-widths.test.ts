import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineUnits, measure, wrap, wrapLines, type Measure } from '../src/cards/wrap.ts';
import { fonts } from './helpers/cards-svg.ts';
import { Reach, runs, floor } from './helpers/property.ts';

/**
 * Card line breaking checked against widths known without the code under test: in the Noto SC
 * faces every Han character and every full-width mark is one em wide (square CJK type), so a
 * line of n such characters at size s is n·s px. The property test in cards-wrap.test.ts
 * measures with the wrapper's own `measure`; this one does not.
 */
const pieces = ['历下区', '书记论坛', '山东省代表团', '团体总分', '获第一', '第七届全国残疾人', '职业技能大赛', '暨', '第四届', '落幕', '，', '。', '、', '：', '“新”', '《济南往事》', '推动党建引领', '基层治理', '再升级'];
const text = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 })
  .map((p) => p.join(''))
  .filter((t) => !'，。、：'.includes(t[0]!));
const face = fc.constantFrom('serif-bold' as const, 'sans-regular' as const);
const len = (s: string) => [...s].length;

describe('card line breaking, measured in ems', () => {
  it('measures a run of full-width characters as one em each, emoji included, memo or not', async () => {
    const f = await fonts();
    const memo = new Map<string, number>();
    const m: Measure = { fonts: f, emoji: new Map([['🏮', 'lantern.svg']]), memo };
    expect(measure('推动党建，', { face: 'serif-bold', size: 50 }, m)).toBe(250);
    expect(measure('推动党建，', { face: 'serif-bold', size: 30 }, m)).toBe(150); // from the memo, scaled
    expect(memo.get('serif-bold\u0000推动党建，')).toBe(5);
    expect(measure('🏮灯', { face: 'sans-regular', size: 40 }, m)).toBe(80);
    expect(measure('', { face: 'sans-regular', size: 40 }, { fonts: f, emoji: new Map() })).toBe(0);
    // Digits and Latin letters are narrower than the em (only emoji are drawn one em wide):
    // 238分 is more than the 分 and less than four characters.
    const latin = measure('238分', { face: 'sans-regular', size: 50 }, m);
    expect(latin).toBeGreaterThan(50 + 3 * 10);
    expect(latin).toBeLessThan(4 * 50);
  });

  it('fills each line with whole phrases while they fit, evens lines out when asked, and clamps with “……”', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const reach = new Reach('card wrap in ems');
    fc.assert(
      fc.property(text, face, fc.integer({ min: 24, max: 84 }), fc.integer({ min: 6, max: 20 }), fc.integer({ min: 1, max: 4 }), (t, faceName, size, ems, maxLines) => {
        reach.case();
        const style = { face: faceName, size };
        const width = ems * size;
        const units = lineUnits(t);
        const starts = new Map<number, string>();
        let at = 0;
        for (const u of units) {
          starts.set(at, u);
          at += len(u);
        }
        const { lines, clamped } = wrap(t, style, { width, maxLines: 50 }, m);
        expect(clamped).toBe(false);
        expect(lines.join('')).toBe(t);
        let offset = 0;
        lines.forEach((line, i) => {
          if (len(line) > 1) expect(len(line) * size).toBeLessThanOrEqual(width);
          offset += len(line);
          const next = starts.get(offset);
          // Greedy: the next line's first phrase did not fit on this one.
          if (i < lines.length - 1 && next !== undefined && lines[i + 1]!.startsWith(next)) {
            reach.hit('greedy');
            expect((len(line) + len(next)) * size).toBeGreaterThan(width);
          }
        });

        const even = wrap(t, style, { width, maxLines: 50, balance: true }, m);
        expect(even.lines.join('')).toBe(t);
        expect(even.lines).toHaveLength(lines.length);
        expect(Math.max(...even.lines.map(len))).toBeLessThanOrEqual(Math.max(...lines.map(len)));
        if (even.lines.some((l, i) => l !== lines[i])) reach.hit('balanced');

        const cut = wrap(t, style, { width, maxLines }, m);
        expect(cut.lines.length).toBeLessThanOrEqual(maxLines);
        expect(cut.clamped).toBe(lines.length > maxLines);
        if (cut.clamped) {
          reach.hit('clamped');
          expect(cut.lines.slice(0, -1)).toEqual(lines.slice(0, maxLines - 1));
          const last = cut.lines.at(-1)!;
          expect(last.endsWith('……')).toBe(true);
          expect(len(last) * size).toBeLessThanOrEqual(width);
          // What the last line keeps is text that comes next, never a pause mark before “……”.
          const kept = last.slice(0, -2);
          expect(t.slice(lines.slice(0, maxLines - 1).join('').length).startsWith(kept)).toBe(true);
          expect('、，：'.includes(kept.slice(-1)) && kept !== '').toBe(false);
        } else {
          expect(cut.lines).toEqual(lines);
        }
      }),
      runs(300, 61),
    );
    console.log(reach.summary());
    // Measured under seed 61 (300 cases): greedy 74.7%, balanced 28.7%, clamped 43.3%.
    expect(reach.share('greedy')).toBeGreaterThan(floor(0.72));
    expect(reach.share('balanced')).toBeGreaterThan(floor(0.26));
    expect(reach.share('clamped')).toBeGreaterThan(floor(0.4));
  });

  it('keeps a headline’s printed lines when they fit, and joins them with a space when they do not', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const style = { face: 'sans-regular' as const, size: 50 };
    expect(wrapLines(['老街花灯', '点亮夜市'], style, { width: 500, maxLines: 3 }, m)).toEqual({ lines: ['老街花灯', '点亮夜市'], clamped: false });
    // Exactly as many printed lines as allowed: still kept, though joined they would fit on one.
    expect(wrapLines(['老街花灯', '点亮夜市'], style, { width: 500, maxLines: 2 }, m)).toEqual({ lines: ['老街花灯', '点亮夜市'], clamped: false });
    // Four lines wanted, two allowed: wrapped as one text, the space a break opportunity.
    const joined = wrapLines(['老街花灯', '点亮夜市', '游人如织', '灯火通明'], style, { width: 500, maxLines: 2 }, m);
    expect(joined.lines.join(' ')).toBe('老街花灯 点亮夜市 游人如织 灯火通明'.slice(0, joined.lines.join(' ').length));
    expect(joined.lines).toHaveLength(2);
    expect(wrap('   ', style, { width: 500, maxLines: 2 }, m)).toEqual({ lines: [], clamped: false });
  });

  it('draws an emoji of several code points (a flag, a skin tone) one em wide, not one box per code point', async () => {
    const f = await fonts();
    const emoji = new Map([['🇨🇳', 'cn.svg'], ['👍🏽', 'thumbs.svg']]);
    expect(measure('🇨🇳', { face: 'sans-regular', size: 40 }, { fonts: f, emoji })).toBe(40);
    expect(measure('👍🏽好', { face: 'serif-bold', size: 40 }, { fonts: f, emoji })).toBe(80);
  });

  it('fits a line exactly as wide as the column, and drops spaces at the start and end of lines but not inside them', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const style = { face: 'sans-regular' as const, size: 44 };
    // 8 full-width characters at 44 px in 352 px: exactly one line.
    expect(wrap('团体总分（图）。', style, { width: 8 * 44, maxLines: 5 }, m)).toEqual({ lines: ['团体总分（图）。'], clamped: false });
    expect(wrap(' 第四届基层治理', style, { width: 20 * 44, maxLines: 5 }, m).lines).toEqual(['第四届基层治理']);
    expect(wrap('历下区 落幕', style, { width: 20 * 44, maxLines: 5 }, m).lines).toEqual(['历下区 落幕']);
    expect(wrap('推动党建引领 基层治理再升级', style, { width: 7 * 44, maxLines: 5 }, m).lines).toEqual(['推动党建引领', '基层治理再升级']);
  });

  it('clamps to the room left beside “……”, at a phrase end when that keeps 60% of it, never after a pause mark', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const one = (text: string, size: number, ems: number) => wrap(text, { face: 'sans-regular', size }, { width: ems * size, maxLines: 1 }, m);
    // 4 em: 2 em of text and the 2-em ellipsis.
    expect(one('职业技能大赛', 44, 4)).toEqual({ lines: ['职业……'], clamped: true });
    // 8.5 em: 6 characters fit (历下区：历下); the phrase end after 历下区： keeps 4 of them (≥ 60%),
    // and the pause mark before the ellipsis goes.
    expect(one('历下区：历下区团体总分：。历下区', 24, 8.5)).toEqual({ lines: ['历下区……'], clamped: true });
    // 6 em: 4 characters fit (团体总分); the phrase end after 团体 would keep only 2 (< 60%).
    expect(one('团体总分：第四届历下区5G基站', 36, 6)).toEqual({ lines: ['团体总分……'], clamped: true });
    // The phrases here are 历下区 | 落幕获第一 and 历下区， | 团体 | 总分获 | 第一. At 7 em, 5
    // characters fit and the phrase end after 历下区 keeps exactly 60% of them: it is taken.
    expect(one('历下区落幕获第一', 24, 7)).toEqual({ lines: ['历下区……'], clamped: true });
    // At 8 em, 6 fit and a phrase ends right there: the whole 6 are kept.
    expect(one('历下区，团体总分获第一', 24, 8)).toEqual({ lines: ['历下区，团体……'], clamped: true });
    // At 9 em, 7 fit, the phrase end after 团体 keeps 6; the pause mark inside the line stays.
    expect(one('历下区，团体总分获第一', 24, 9)).toEqual({ lines: ['历下区，团体……'], clamped: true });
  });

  it('clamps the last line with the text that comes after the kept lines, spaces at the breaks skipped', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    // Breaks at both spaces; the third line starts with 第四届, not with the space or with 级.
    const three = wrap('推动党建引领 基层治理再升级 第四届全国残疾人职业技能大赛', { face: 'sans-regular', size: 44 }, { width: 7 * 44, maxLines: 3 }, m);
    expect(three).toEqual({ lines: ['推动党建引领', '基层治理再升级', '第四届全国……'], clamped: true });
    // At 3 em only one character fits beside “……”, and it would be the opening mark: it goes.
    expect(wrap('团体“书记论坛”', { face: 'sans-regular', size: 40 }, { width: 3 * 40, maxLines: 2 }, m)).toEqual({ lines: ['团体', '……'], clamped: true });
    // A headline of one printed line that is clamped says so through wrapLines too.
    const long = wrapLines(['第七届全国残疾人职业技能大赛暨第四届全国残疾人展能节落幕'], { face: 'sans-regular', size: 40 }, { width: 10 * 40, maxLines: 1 }, m);
    expect(long.clamped).toBe(true);
    expect(long.lines).toHaveLength(1);
    expect(long.lines[0]!.endsWith('……')).toBe(true);
  });

  it('drops a space that falls at a break even when it does not fit, and a space at the end of the text', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const style = { face: 'sans-regular' as const, size: 44 };
    // 6 em: 推动党建引领 fills the line, so the space after it is the break and starts no line.
    expect(wrap('推动党建引领 基层', style, { width: 6 * 44, maxLines: 5 }, m).lines).toEqual(['推动党建引领', '基层']);
    // A space at the end, at a break or inside the line's room: no empty line, no trailing space.
    expect(wrap('推动党建引领 ', style, { width: 6 * 44, maxLines: 5 }, m).lines).toEqual(['推动党建引领']);
    expect(wrap('推动党建 ', style, { width: 20 * 44, maxLines: 5 }, m).lines).toEqual(['推动党建']);
  });

  it('in a column narrower than one character, sets one character a line and no empty line', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    expect(wrap('团体总分', { face: 'sans-regular', size: 44 }, { width: 30, maxLines: 9 }, m)).toEqual({ lines: ['团', '体', '总', '分'], clamped: false });
  });

  it('splits a quotation wider than the line so that its closing mark starts no line and its opening mark ends none', async () => {
    const m: Measure = { fonts: await fonts(), emoji: new Map() };
    const style = { face: 'serif-bold' as const, size: 40 };
    const at = (text: string, ems: number) => wrap(text, style, { width: ems * 40, maxLines: 9 }, m).lines;
    // 有“新”论 is one phrase (a short quotation is kept whole), 4 em wide. At 3 em the only
    // breaks that obey both rules are 有|“新”|论.
    expect(at('有“新”论', 3)).toEqual(['有', '“新”', '论']);
    // At 2 em “书” (3 em) has no legal break: the closing mark stays with 书 and the opening mark,
    // alone, takes a line rather than run off the card.
    expect(at('“书”', 2)).toEqual(['“', '书”']);
    // A split phrase fills each line as far as the rules allow: at 4 em 第“书 | 记”, not 第 | “书记”.
    expect(at('第“书记”', 4)).toEqual(['第“书', '记”']);
  });
});
