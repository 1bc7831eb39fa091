import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hexRgb, snapPalette } from '../src/cards/exact-colours.ts';
import { PNG_OPTIONS } from '../src/cards/render.ts';
import { colors } from '../src/cards/design.ts';

/**
 * The palette PNG keeps the design colours exact (exact-colours.ts): checked on an image of
 * flat design colours with an antialiased edge, encoded with the cards' own PNG settings, by
 * decoding the result with sharp (which also checks the rewritten chunk's CRC).
 */

const W = 240;
const H = 120;
const red = hexRgb(colors.red);
const paper = hexRgb(colors.paper);
const ink = hexRgb(colors.ink);

/** Paper with a block of red and a block of ink, and a ramp between paper and ink (the "edges"). */
function image(): Buffer {
  const px = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let c: readonly number[] = paper;
      if (x < 80 && y < 60) c = red;
      else if (x >= 160 && y >= 60) c = ink;
      else if (y >= 100) c = paper.map((p, i) => Math.round(p + ((ink[i]! - p) * x) / W));
      px.set(c, (y * W + x) * 3);
    }
  }
  return px;
}

const decode = async (png: Buffer) => (await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;
const count = (data: Buffer, c: readonly number[]) => {
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (data[i] === c[0] && data[i + 1] === c[1] && data[i + 2] === c[2]) n++;
  return n;
};

describe('share cards: exact design colours in the palette PNG', () => {
  it('flat red, ink and paper come back exactly, and no pixel moves by more than the tolerance beyond the quantiser\'s own error', async () => {
    const input = image();
    const png = await sharp(input, { raw: { width: W, height: H, channels: 3 } }).png(PNG_OPTIONS).toBuffer();
    const before = await decode(Buffer.from(png));
    const after = await decode(snapPalette(png, Object.values(colors).map(hexRgb)));
    expect(count(after, red)).toBe(80 * 60);
    expect(count(after, ink)).toBeGreaterThanOrEqual(80 * 60);
    expect(count(after, paper)).toBeGreaterThan(0);
    let worstBefore = 0;
    let worstAfter = 0;
    for (let i = 0; i < input.length; i++) {
      worstBefore = Math.max(worstBefore, Math.abs(before[i]! - input[i]!));
      worstAfter = Math.max(worstAfter, Math.abs(after[i]! - input[i]!));
    }
    // An entry that stood for near-paper edge pixels is now paper itself: those pixels may move
    // by up to the 4 levels of tolerance more than the quantiser moved them.
    expect(worstAfter).toBeLessThanOrEqual(worstBefore + 4);
    expect(worstBefore).toBeLessThan(16);
  });

  it('an entry farther than the tolerance from every design colour keeps its value', async () => {
    const green = [20, 200, 40];
    const px = Buffer.alloc(16 * 16 * 3);
    for (let i = 0; i < px.length; i += 3) px.set(i < px.length / 2 ? green : red, i);
    const png = await sharp(px, { raw: { width: 16, height: 16, channels: 3 } }).png(PNG_OPTIONS).toBuffer();
    const decoded = await decode(snapPalette(png, [red]));
    expect([...decoded.subarray(0, 3)].every((v, i) => Math.abs(v - green[i]!) <= 4)).toBe(true);
    expect(count(decoded, red)).toBe(128);
  });

  it('a PNG without a palette is returned unchanged', async () => {
    const png = await sharp(image(), { raw: { width: W, height: H, channels: 3 } }).png({ palette: false }).toBuffer();
    const copy = Buffer.from(png);
    expect(snapPalette(png, [red]).equals(copy)).toBe(true);
    expect(() => snapPalette(Buffer.from('not a png at all'), [red])).toThrow(/not a PNG/);
  });
});
