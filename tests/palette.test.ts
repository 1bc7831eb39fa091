import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { customProperty, palette, type PaletteName } from '../src/design/palette.ts';
import { builtSiteDir, projectRoot } from './helpers/paths.ts';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('one palette for pages and cards', () => {
  it('the built pages declare every palette colour as its --np- custom property', () => {
    const dir = path.join(builtSiteDir(), '_astro');
    const css = readdirSync(dir).filter((f) => f.endsWith('.css')).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    for (const [name, value] of Object.entries(palette)) {
      const declared = [...css.matchAll(new RegExp(`${customProperty(name as PaletteName)}:\\s*([^;}]+)`, 'g'))].map((m) => m[1]!.trim());
      expect(declared, name).toEqual([value]);
    }
  });

  it('the share card paints its page tab in the same 报头红 as the pages, on the card paper', async () => {
    const { data, info } = await sharp(path.join(builtSiteDir(), '2023-07-02/A03/card.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const count = (hex: string) => {
      const [r, g, b] = rgb(hex);
      let n = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
      return n;
    };
    // The page tab alone is about 150 × 70 px of solid red.
    expect(count(palette.accent)).toBeGreaterThan(5_000);
    expect([...data.subarray(0, 3)]).toEqual(rgb(palette.cardPaper));
  });

  it('no colour is written anywhere in src/ but the palette module', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|css|astro)$/.test(entry.name) && !file.endsWith(path.join('design', 'palette.ts'))) {
          for (const m of readFileSync(file, 'utf8').matchAll(/#[0-9a-f]{6}\b/gi)) offenders.push(`${path.relative(projectRoot, file)}: ${m[0]}`);
        }
      }
    };
    walk(path.join(projectRoot, 'src'));
    expect(offenders).toEqual([]);
  });
});
