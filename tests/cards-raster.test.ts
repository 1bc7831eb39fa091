import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { colors } from '../src/cards/design.ts';
import { defaultEmojiDir } from '../src/cards/emoji.ts';
import type { CardInput } from '../src/cards/inputs.ts';
import { cardSvg, layoutCard, renderCard, renderPaths, svgToPng } from '../src/cards/render.ts';
import { articleInput, fonts, pageInput } from './helpers/cards-svg.ts';

/**
 * The pixels of the real rendering path: Skia (@napi-rs/canvas) drawing satori's positioned
 * text runs from our font files (skia.ts). They are compared with librsvg drawing satori's
 * own glyph outlines, an independent rasteriser of the same layout, and checked for text
 * outside the margins.
 */
const emojiDir = defaultEmojiDir();

const cards: [string, CardInput][] = [
  ['an article card with digits, dashes and an emoji', articleInput({
    kicker: '快讯🏮2023年7月',
    headline: ['山东省代表团团体总分238分获第一'],
    deck: '——推动党建引领……基层治理再升级（上）',
    byline: '记者 夏侯凤超\u3000通讯员 李英杰',
  })],
  ['a page card with quotes and Latin', pageInput({
    headlines: ['历下区“书记论坛”有“新”论', '山东省代表团团体总分238分获第一', 'Supercalifragilistic 《济南往事》（上）'],
  })],
];

async function rgb(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

describe('share cards: the pixels', () => {
  for (const [name, input] of cards) {
    it(`${name} is drawn by Skia, not by the librsvg fallback`, async () => {
      const f = await fonts();
      const { path, png } = await renderCard(layoutCard(input, f, emojiDir), f);
      expect(path).toBe('skia');
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height, meta.channels]).toEqual([1200, 630, 3]);
    });

    it(`${name} looks as librsvg draws satori's glyph outlines`, async () => {
      const f = await fonts();
      const layout = layoutCard(input, f, emojiDir);
      const before = { ...renderPaths };
      const ours = await rgb((await renderCard(layout, f)).png);
      // The comparison below means nothing if renderCard fell back to librsvg itself.
      expect(renderPaths).toEqual({ skia: before.skia + 1, librsvg: before.librsvg });
      const reference = await rgb(await svgToPng(await cardSvg(layout, f)));
      let sum = 0;
      let far = 0;
      for (let i = 0; i < ours.length; i++) {
        const d = Math.abs(ours[i]! - reference[i]!);
        sum += d;
        if (d > 64) far++;
      }
      // Antialiasing differs at glyph edges between the two rasterisers (measured in the
      // README). Text a pixel or two off, a missing run, a fallback font or a wrong colour
      // would be several times that.
      expect(sum / ours.length).toBeLessThan(2);
      expect(far / ours.length).toBeLessThan(0.01);
    });
  }

  it('a card is the same bytes however often and in whatever order it is drawn', async () => {
    const f = await fonts();
    const layout = layoutCard(cards[0]![1], f, emojiDir);
    const first = (await renderCard(layout, f)).png;
    await renderCard(layoutCard(articleInput({ headline: ['山'] }), f, emojiDir), f);
    const again = (await renderCard(layout, f)).png;
    expect(again.equals(first)).toBe(true);
  });

  it('no ink outside the margins, even with every field too long', async () => {
    const f = await fonts();
    const long = articleInput({
      paperName: '泉城示例日报社出版的一份名字特别特别长的晚报周末版',
      kicker: 'Supercalifragilisticexpialidocious'.repeat(3),
      headline: ['推动党建引领基层治理再升级：历下区大力实施“六化”攻坚行动'.repeat(3)],
      deck: '围绕组织体系化建设、网格精细化治理推出系列改革举措'.repeat(3),
      byline: '文/片 记者 夏侯凤超 王小明 李华 张伟 赵清华 刘亚男　通讯员 李英杰 李帅毅 周明 钱多多 孙悟空',
    });
    const pixels = await rgb((await renderCard(layoutCard(long, f, emojiDir), f)).png);
    const paper = [1, 3, 5].map((i) => parseInt(colors.paper.slice(i, i + 2), 16));
    const stray: string[] = [];
    for (let y = 0; y < 630; y++) {
      for (const x of [...Array.from({ length: 58 }, (_, i) => i), ...Array.from({ length: 58 }, (_, i) => 1142 + i)]) {
        const p = (y * 1200 + x) * 3;
        // The palette PNG may store the paper a level or two off its RGB value; any ink is far darker.
        if ([0, 1, 2].some((c) => Math.abs(pixels[p + c]! - paper[c]!) > 3)) stray.push(`${x},${y}:${pixels[p]},${pixels[p + 1]},${pixels[p + 2]}`);
      }
    }
    expect(stray.slice(0, 10)).toEqual([]);
    // And the card does carry text: the check above is not vacuous.
    let inked = 0;
    for (let p = 0; p < pixels.length; p += 3) if (pixels[p]! < 100) inked++;
    expect(inked).toBeGreaterThan(10_000);
  });
});
