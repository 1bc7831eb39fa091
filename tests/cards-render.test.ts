import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardEnvironment } from '../src/cards/environment.ts';
import { defaultEmojiDir } from '../src/cards/emoji.ts';
import { faceFor, MISSING_MARK } from '../src/cards/glyphs.ts';
import type { CardInput } from '../src/cards/inputs.ts';
import { createCardPipeline } from '../src/cards/pipeline.ts';
import { cardSvg, layoutCard, renderCard } from '../src/cards/render.ts';
import { ELLIPSIS, lineUnits } from '../src/cards/wrap.ts';
import { NO_LINE_END, NO_LINE_START } from '../src/typeset/marks.ts';
import { articleInput, fonts, linesAt, pageInput, svgImages, svgTexts } from './helpers/cards-svg.ts';
import { scratchDir } from './helpers/paths.ts';

/**
 * Share cards rendered without a build. With `embedFont: false` satori writes each text run
 * as a `<text>` element with its position and width, so line breaks and edges can be checked
 * as numbers; this SVG is also what Skia draws (skia.ts), and
 * cards-raster.test.ts checks that the pixels follow it. PNGs are checked for size and sameness.
 */
const emojiDir = defaultEmojiDir();
const svgOf = async (input: CardInput) => {
  const f = await fonts();
  const layout = layoutCard(input, f, emojiDir);
  return { layout, svg: await cardSvg(layout, f, false) };
};
const pngOf = async (input: CardInput) => {
  const f = await fonts();
  return (await renderCard(layoutCard(input, f, emojiDir), f)).png;
};

const headlines = [
  '历下区“书记论坛”有“新”论',
  '山东省代表团团体总分238分获第一',
  '第七届全国残疾人职业技能大赛暨第四届全国残疾人展能节在济南落幕',
  '泉城夜市灯火通明，市民排队“打卡”老字号《济南往事》新书发布',
  '推动党建引领基层治理再升级：历下区大力实施“六化”攻坚行动，围绕组织体系化建设、网格精细化治理推出系列改革举措',
];

/** The offsets where line units (phrases, short quotations kept whole) meet. */
function phraseBoundaries(text: string): Set<number> {
  const set = new Set<number>();
  let at = 0;
  for (const p of lineUnits(text)) set.add((at += p.length));
  return set;
}

describe('share cards: headline lines', () => {
  for (const headline of headlines) {
    it(`“${headline.slice(0, 12)}…” breaks only between phrases, obeying the line-start and line-end rules`, async () => {
      const { layout, svg } = await svgOf(articleInput({ headline: [headline], deck: '推动党建引领基层治理再升级' }));
      const lines = layout.lines.headline!;
      // satori draws exactly the lines the card laid out: it did not break them again.
      expect(linesAt(svg, layout.sizes.headline!)).toEqual(lines);
      const clamped = lines.at(-1)!.endsWith(ELLIPSIS) && lines.join('') !== headline;
      const boundaries = phraseBoundaries(headline);
      let offset = 0;
      lines.forEach((line, i) => {
        expect(NO_LINE_START.includes(line[0]!), `line ${i + 1} starts with ${line[0]}`).toBe(false);
        if (i < lines.length - 1 || !clamped) {
          expect(NO_LINE_END.includes(line.at(-1)!), `line ${i + 1} ends with ${line.at(-1)}`).toBe(false);
          expect(headline.slice(offset, offset + line.length)).toBe(line);
          offset += line.length;
          if (i < lines.length - 1) expect(boundaries.has(offset), `break after “${line}”`).toBe(true);
        }
      });
      if (!clamped) expect(offset).toBe(headline.length);
    });
  }

  it('a headline given as printed lines keeps its lines when they fit', async () => {
    const { layout } = await svgOf(articleInput({ kicker: '元宵将至', headline: ['老街花灯', '点亮夜市'] }));
    expect(layout.lines.headline).toEqual(['老街花灯', '点亮夜市']);
  });

  it('a headline too long for the card is clamped with an ellipsis, within three lines', async () => {
    const long = headlines[4]!.repeat(3);
    const { layout } = await svgOf(articleInput({ kicker: headlines[2], headline: [long], deck: headlines[3] }));
    const lines = layout.lines.headline!;
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.at(-1)!.endsWith(ELLIPSIS)).toBe(true);
    // No pause or opening mark right before the ellipsis.
    expect('，、：；“《（'.includes(lines.at(-1)!.slice(0, -ELLIPSIS.length).at(-1)!)).toBe(false);
  });
});

describe('share cards: nothing runs off the card', () => {
  const extremes: [string, CardInput][] = [
    ['every field long', articleInput({
      paperName: '泉城示例日报社出版的一份名字特别特别长的晚报周末版',
      kicker: headlines[2]!.repeat(2),
      headline: [headlines[4]!.repeat(2)],
      deck: headlines[3]!.repeat(2),
      byline: '文/片 记者 夏侯凤超 王小明 李华 张伟 赵清华 刘亚男　通讯员 李英杰 李帅毅 周明 钱多多 孙悟空 猪八戒 沙和尚',
    })],
    ['one unbreakable Latin word', articleInput({ headline: ['Supercalifragilisticexpialidocious'.repeat(4)] })],
    ['a short headline at the largest size', articleInput({ headline: ['晴'] })],
    ['a page with many long headlines', pageInput({ section: '要闻·深度报道·特别策划·专题'.repeat(3), headlines: [...headlines, ...headlines].map((h) => h.repeat(2)) })],
  ];
  for (const [name, input] of extremes) {
    it(name, async () => {
      const { svg } = await svgOf(input);
      // Spaces draw nothing; every other run and every emoji image must sit inside the margins.
      const boxes = [...svgTexts(svg).filter((t) => t.text.trim() !== ''), ...svgImages(svg)];
      expect(boxes.length).toBeGreaterThan(5);
      for (const box of boxes) {
        expect(box.x, JSON.stringify(box)).toBeGreaterThanOrEqual(60 - 0.5);
        expect(box.x + box.width, JSON.stringify(box)).toBeLessThanOrEqual(1200 - 60 + 0.5);
        expect(box.y, JSON.stringify(box)).toBeLessThanOrEqual(630 - 20);
      }
    });
  }

  it('a page with more headlines than fit lists the first ones and counts the rest', async () => {
    const { layout } = await svgOf(pageInput({ headlines: Array.from({ length: 9 }, (_, i) => `${headlines[i % 5]}`) }));
    const listed = Object.keys(layout.lines).filter((k) => k.startsWith('headlines '));
    expect(listed.length).toBeLessThan(9);
    expect(layout.lines.more).toEqual([`另有 ${9 - listed.length} 篇`]);
  });
});

describe('share cards: characters the fonts lack', () => {
  it('emoji are drawn as Twemoji images, never as empty boxes', async () => {
    const f = await fonts();
    const { layout, svg } = await svgOf(articleInput({ kicker: '快讯🏮', headline: ['泉城夜市😀灯火通明👨‍👩‍👧'] }));
    expect([...layout.emoji.keys()].sort()).toEqual(['👨‍👩‍👧', '😀', '🏮'].sort());
    const images = svgImages(svg);
    expect(images).toHaveLength(3);
    for (const image of images) expect(image.href.startsWith('data:image/svg+xml;base64,')).toBe(true);
    // Every character drawn as text has a glyph in the card fonts.
    for (const t of svgTexts(svg)) for (const c of t.text.trim()) expect(faceFor(c, 'serif-bold', f), c).toBeDefined();
    expect(layout.missing).toEqual([]);
  });

  it('a character no font has becomes 〓 and is reported with the article that has it', async () => {
    const { layout, svg } = await svgOf(articleInput({ headline: ['𠮷野家开业'] }));
    expect(layout.missing).toEqual([{ field: 'headline', grapheme: '𠮷' }]);
    expect(linesAt(svg, layout.sizes.headline!).join('')).toBe(`${MISSING_MARK}野家开业`);

    const warnings: string[] = [];
    const pipeline = createCardPipeline({
      env: cardEnvironment(path.join(scratchDir(), 'cards-render-cache')),
      onWarning: (w) => warnings.push(w.message),
    });
    await pipeline.get({ path: '2024-01-15/1/1/card.png', source: 'content/2024-01-15/yoshinoya.md', input: articleInput({ headline: ['𠮷野家开业'] }) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('content/2024-01-15/yoshinoya.md');
    expect(warnings[0]).toContain('“𠮷” (U+20BB7)');
    expect(warnings[0]).toContain('headline (主题)');
  });
});

describe('share cards: PNG files', () => {
  it('the same input gives byte-identical PNGs', async () => {
    const input = articleInput({ kicker: '元宵将至', headline: ['老街花灯', '点亮夜市'], deck: '三百盏手工灯笼今晚亮灯', byline: '记者 周明' });
    expect((await pngOf(input)).equals(await pngOf(input))).toBe(true);
  });

  it('the busiest card is a 1200×630 PNG under 300 KB', async () => {
    const png = await pngOf(articleInput({
      kicker: headlines[2]! + '🏮',
      headline: [headlines[4]!],
      deck: headlines[3]!.repeat(2),
      byline: '文/片 记者 夏侯凤超 王小明 李华 张伟　通讯员 李英杰 李帅毅 周明',
    }));
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(png.length).toBeLessThanOrEqual(300 * 1024);
  });

  it('memory stays flat as cards are rendered (no per-card leak)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.external + m.arrayBuffers;
    };
    const card = (i: number) => articleInput({ headline: [`${headlines[i % 5]}${i}`], deck: headlines[(i + 1) % 5] });
    for (let i = 0; i < 20; i++) await pngOf(card(i));
    const before = used();
    for (let i = 20; i < 80; i++) await pngOf(card(i));
    // 60 more cards: a leak of even 0.5 MB per card would show as 30 MB.
    expect((used() - before) / 1024 / 1024).toBeLessThan(15);
  }, 300_000);
});
