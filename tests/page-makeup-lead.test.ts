import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPage, type BlockInput } from '../src/print-layout/place.ts';
import { sheetLines } from '../src/print-layout/sheet.ts';
import { floor, Reach, runs } from './helpers/property.ts';

/**
 * The lead (头条) rule of page make-up as a property that reaches it: no block wider than the
 * lead, none larger unless the lead runs across the page (通栏). On generated pages (the
 * 20 seeds of page-makeup.test.ts) the rule is rarely tight: the lead is usually the longest
 * article, so the blocks beside it are narrow anyway, and a placement that broke the rule
 * passed there (measured: a block as wide as a narrower-than-page lead on 2 pages of 20, 4
 * blocks of 155).
 */
const EPS = 1e-6;
const area = (b: { span: number; height: number }) => b.span * b.height;

/** An article of `chars` characters in paragraphs of at most 150, with a headline of `headline` characters. */
const block = (id: string, chars: number, headline: number): BlockInput => ({
  id,
  headline: ['字'.repeat(headline)],
  bylineLines: 1,
  paragraphs: Array.from({ length: Math.ceil(chars / 150) }, (_, i) => Math.min(150, chars - 150 * i)),
  sectionHeads: 0,
  captions: [],
});

describe('page make-up: the lead rule, where it binds', () => {
  it('gives no later article a wider block than the lead, nor a larger one unless the lead spans the page, on short, full and overset pages where later articles come close to the lead', () => {
    const reach = new Reach('lead rule');
    // Pages from well short of the sheet to well over it (60–130%: the generated pages of
    // page-makeup.test.ts are 85–110%), whose lead is from about as long as the others to twice
    // as long: a narrower-than-page lead with blocks beside it that a search without the rule
    // would make wider or larger. A page that nearly fills its sheet is made up to fill it
    // (place.ts counts the blank at its foot), which sets its lead across the page more often;
    // the short and the overset pages keep the narrow leads the rule is about.
    const page = fc.record({
      weights: fc.array(fc.double({ min: 0.3, max: 1.3, noNaN: true }), { minLength: 3, maxLength: 13 }),
      leadFactor: fc.constantFrom(1, 1.6, 2.5),
      leadJitter: fc.double({ min: 0.7, max: 1.3, noNaN: true }),
      fill: fc.double({ min: 0.6, max: 1.3, noNaN: true }),
      headlines: fc.array(fc.integer({ min: 6, max: 16 }), { minLength: 13, maxLength: 13 }),
    });
    fc.assert(
      fc.property(page, ({ weights, leadFactor, leadJitter, fill, headlines }) => {
        reach.case();
        const w = [leadFactor * leadJitter, ...weights.slice(1)];
        const sum = w.reduce((a, b) => a + b, 0);
        // The sheet holds 10 characters a line in each of its 8 columns; each article's
        // headline, byline and the space around it take about the room of 280 characters.
        const total = (sheetLines('broadsheet') * 8 * 10 * 0.92 - w.length * 280) * fill;
        const input = w.map((x, i) => block(i === 0 ? 'lead' : `b${i}`, Math.max(100, Math.round((total * x) / sum)), headlines[i]!));
        const layout = layoutPage(input);
        const [first, ...rest] = layout.blocks;
        expect(first).toMatchObject({ id: 'lead', lead: true, top: 0, column: 1 });
        const narrow = first!.span < layout.columns;
        if (narrow) reach.hit('lead narrower than the page');
        for (const b of rest) {
          expect(b.span, `${b.id} wider than the lead`).toBeLessThanOrEqual(first!.span);
          // Tight: one column more and the assertion fails.
          if (narrow && b.span === first!.span) reach.hit('a block as wide as a narrower-than-page lead');
          if (narrow) {
            expect(area(b), `${b.id} larger than the lead`).toBeLessThanOrEqual(area(first!) + EPS);
            if (area(b) >= 0.8 * area(first!)) reach.hit('a block within 20% of the lead’s area');
          }
        }
      }),
      runs(120, 23),
    );
    console.log(reach.summary());
    // Measured under seed 23 (120 cases): lead narrower than the page 19.2%, a block as wide as
    // it 12.5%, within 20% of its area 6.7%. The floors sit below the measured shares, so a
    // change to the make-up does not fail here until the property stops reaching its cases.
    expect(reach.share('lead narrower than the page')).toBeGreaterThan(floor(0.15));
    expect(reach.share('a block as wide as a narrower-than-page lead')).toBeGreaterThan(floor(0.1));
    expect(reach.share('a block within 20% of the lead’s area')).toBeGreaterThan(floor(0.05));
  });
});
