/**
 * The page make-up's estimates against Chromium's measurements of the same generated pages
 * (tests/fixtures/makeup-chromium.json, checked against Chromium itself by browser-makeup.test.ts
 * on every run): an oracle that is not the code under test, in process, so the mutation runs
 * (which have no browser) hold the estimate to it too. Each block's headline stack, its whole
 * height, and which of its basic columns hold text below the stack.
 */
import { describe, expect, it } from 'vitest';
import { blockInput } from '../src/print-layout/block-input.ts';
import { stackHeight } from '../src/print-layout/estimate.ts';
import { BODY_LEADING } from '../src/print-layout/metrics.ts';
import { layoutPage } from '../src/print-layout/place.ts';
import { LAYOUT_SITE } from './helpers/layout-site.ts';
import { readArticle } from './helpers/content-files.ts';
import { MAKEUP_SAMPLE, MAKEUP_SEEDS, readMakeupFixture } from './helpers/makeup-fixture.ts';
import { generatePage, readGenerated } from './helpers/page-generator.ts';

const fixture = readMakeupFixture();
const pages = MAKEUP_SEEDS.map((seed) => {
  const inputs = generatePage(seed, LAYOUT_SITE.date).articles.map(readGenerated).map((a) => blockInput(a.slug, a.data, a.sections));
  return { seed, inputs, layout: layoutPage(inputs), measured: fixture.pages.find((p) => p.seed === seed)!.blocks };
});
// The sample page (seed 0 here), its blocks in the order placed: the page's URLs name them 1 and 2.
const sampleInputs = MAKEUP_SAMPLE.articles.map((name) => {
  const { data, sections } = readArticle(`2023-07-02/${name}.md`);
  return blockInput(name, data, sections);
});
pages.push({ seed: 0, inputs: sampleInputs, layout: layoutPage(sampleInputs), measured: fixture.sample.map((b, i) => ({ ...b, id: MAKEUP_SAMPLE.articles[i]! })) });
const rows = pages.flatMap(({ seed, inputs, layout, measured }) =>
  layout.blocks.map((b, i) => {
    const m = measured.find((x) => x.id === b.id)!;
    const stack = stackHeight(inputs.find((x) => x.id === b.id)!, b.span, b.headline, b.lead) + b.headSpace;
    return { seed, b, m, stack, i };
  }),
);

describe('the make-up’s estimates against Chromium’s measurements', () => {
  it('holds every block of the fixture, in the order placed', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const { layout, measured } of pages) expect(layout.blocks.map((b) => `${b.id}:${b.span}`)).toEqual(measured.map((m) => `${m.id}:${m.span}`));
  });

  it('estimates every headline stack, with its space and white, where Chromium starts the text under it', () => {
    // Measured on the 51 blocks: -0.0023 to +0.0006 lines.
    const off = rows.filter((r) => Math.abs(r.m.stack - r.stack) > 0.01 * BODY_LEADING);
    expect(off.map((r) => `seed ${r.seed} ${r.b.id}: ${r.m.stack} em in Chromium, ${r.stack.toFixed(3)} estimated`)).toEqual([]);
  });

  it('estimates every block’s height to a tenth of a line', () => {
    // Chromium's lowest glyph box ends half a leading above its line box, so it measures 0.066
    // to 0.089 lines less than the estimate on the 51 blocks (two with the lead beside the
    // body); a line more or less anywhere in a block (a headline, a deck, a caption, a
    // paragraph, a margin) is far outside the band.
    const off = rows.filter((r) => {
      const error = (r.m.content - r.b.content - r.b.headSpace) / BODY_LEADING;
      return error < -0.1 || error > -0.06;
    });
    expect(off.map((r) => `seed ${r.seed} ${r.b.id}: ${r.m.content} em in Chromium, ${(r.b.content + r.b.headSpace).toFixed(3)} estimated`)).toEqual([]);
  });

  it('fills the basic columns it says, and no others', () => {
    // A column holds text below the stack when it ends more than a tenth of an em under it.
    const off = rows.filter((r) => r.m.columns.filter((c) => c > r.m.stack + 0.1).length !== Math.min(r.b.span, r.b.side + r.b.bodyColumns));
    expect(off.map((r) => `seed ${r.seed} ${r.b.id}: ${JSON.stringify(r.m.columns)} in Chromium, ${r.b.side} + ${r.b.bodyColumns} columns estimated`)).toEqual([]);
    expect(rows.some((r) => r.b.bodyColumns < r.b.span)).toBe(true);
    expect(rows.filter((r) => r.b.side > 0).length).toBeGreaterThanOrEqual(3);
    expect(sampleInputs.some((input) => input.sectionHeads > 0)).toBe(true);
  });
});
