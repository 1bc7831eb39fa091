import { crc32 } from 'node:zlib';

/**
 * Keeps the card's flat design colours exact in its palette PNG. sharp quantises with
 * libimagequant. At `effort: 1`, its fastest, a flat colour comes back up to 4 levels off
 * (measured on the bench cards: mean error 0.33 levels, against 0.006 at `effort: 4`): not
 * one pixel of the page tab was the palette's 报头红, so the card's red was no longer the
 * pages' red. `effort: 4` keeps the colours but took twice the CPU per card.
 *
 * Instead, after sharp has encoded the PNG, every palette entry (PNG's PLTE chunk, ISO/IEC
 * 15948 §11.2.3) within `tolerance` levels of a design colour on every channel is set to that
 * colour exactly, and the chunk's CRC written again. Pixels keep their palette index, so only
 * colours already that close move, and by no more than the quantiser's own error; the image
 * data (IDAT) is untouched. Other entries (the antialiased edges) keep the quantiser's values.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A palette colour (`#rrggbb`) as its red, green and blue levels. */
export const hexRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * The PNG with its palette entries snapped to `colours` where within `tolerance`; the same
 * buffer (changed in place) when it has a palette, unchanged when it has none.
 */
export function snapPalette(png: Buffer, colours: readonly (readonly [number, number, number])[], tolerance = 4): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('snapPalette: not a PNG.');
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'PLTE') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      for (let i = 0; i + 2 < data.length; i += 3) {
        const exact = colours.find((c) => Math.abs(c[0] - data[i]!) <= tolerance && Math.abs(c[1] - data[i + 1]!) <= tolerance && Math.abs(c[2] - data[i + 2]!) <= tolerance);
        if (exact) data.set(exact, i);
      }
      // The CRC covers the chunk type and its data.
      png.writeUInt32BE(crc32(png.subarray(offset + 4, offset + 8 + length)), offset + 8 + length);
      return png;
    }
    if (type === 'IDAT' || type === 'IEND') return png;
    offset += 12 + length;
  }
  return png;
}
