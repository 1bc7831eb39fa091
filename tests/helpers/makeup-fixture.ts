import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MeasuredPage } from './layout-measure.ts';
import { projectRoot } from './paths.ts';

/**
 * Chromium's make-up of a fixed set of generated pages, kept as a fixture so that in-process
 * tests (and the mutation runs, which have no browser) can hold the make-up's estimates to an
 * oracle that is not the code under test. `browser-makeup.test.ts` measures the same pages in
 * Chromium on every `npm test` and fails when they no longer match the fixture, so it cannot go
 * stale: after a deliberate change to the CSS or the fonts, write it again with
 * `NEWSPRINT_UPDATE_FIXTURES=1 npx vitest run tests/browser-makeup.test.ts` and review the diff.
 */

/** The generated pages measured: from a brief pair to fourteen articles, fitting, short and overset; on 9 and 13 the lead takes a side column. */
export const MAKEUP_SEEDS = [1, 3, 5, 9, 11, 13, 15, 21];

/** One block as Chromium set it, in em of the body text, from the top of the block's content. */
export interface ChromiumBlock {
  id: string;
  span: number;
  /** Where the text area under the headline stack starts: the stack, its space below and any white around it. */
  stack: number;
  /** Where the block's lowest text or figure ends. */
  content: number;
  /** Where each basic column's lowest text or figure ends (0 for a column with none, not even the headline's). */
  columns: number[];
}

export interface MakeupFixture {
  /** The browser that measured it, for the record (not compared). */
  chromium: string;
  /** Page width in CSS px. */
  width: number;
  pages: { seed: number; blocks: ChromiumBlock[] }[];
  /** The sample page (2023-07-02, A03), whose lead has section heads and stands beside its boxed lead and photo frame. */
  sample: ChromiumBlock[];
}

/** The sample page measured, as the sample edition builds it. */
export const MAKEUP_SAMPLE = { path: '/2023-07-02/A03/', articles: ['A03-1', 'A03-2'] } as const;

export const MAKEUP_FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'makeup-chromium.json');

const em = (px: number, size: number) => Math.round((px / size) * 1000) / 1000;

/** The fixture's record of one measured page. */
export function chromiumBlocks(page: MeasuredPage): ChromiumBlock[] {
  return page.blocks.map((b) => ({
    id: b.id,
    span: b.span,
    stack: em(b.bodyTop - b.contentTop, page.fontSize),
    content: em(b.lowest - b.contentTop, page.fontSize),
    columns: b.columnBottoms.map((bottom) => em(bottom - b.contentTop, page.fontSize)),
  }));
}

export function readMakeupFixture(): MakeupFixture {
  return JSON.parse(readFileSync(MAKEUP_FIXTURE, 'utf8')) as MakeupFixture;
}

/** Writes the fixture whole or not at all (a temporary file, then a rename). */
export function writeMakeupFixture(fixture: MakeupFixture): void {
  const temp = `${MAKEUP_FIXTURE}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(fixture, null, 1)}\n`);
  renameSync(temp, MAKEUP_FIXTURE);
}
