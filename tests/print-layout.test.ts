import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../src/print-layout/place.ts';
import * as metrics from '../src/print-layout/metrics.ts';
import { projectRoot } from './helpers/paths.ts';

describe('print layout: metrics mirror the typographic tokens', () => {
  const css = readFileSync(path.join(projectRoot, 'src/styles/tokens.css'), 'utf8');
  const token = (name: string) => {
    const match = new RegExp(`--${name}:\\s*([\\d.]+)`).exec(css);
    if (!match) throw new Error(`tokens.css has no --${name}`);
    return Number(match[1]);
  };
  it.each([
    ['np-column-chars', metrics.COLUMN_CHARS],
    ['np-gutter', metrics.GUTTER],
    ['np-page-leading', metrics.BODY_LEADING],
    ['np-caption-size', metrics.CAPTION_SIZE],
    ['np-kicker-size', metrics.KICKER_SIZE],
    ['np-deck-size', metrics.DECK_SIZE],
    ['np-headline-xl', metrics.HEADLINE_STEPS.xl],
    ['np-headline-l', metrics.HEADLINE_STEPS.l],
    ['np-headline-m', metrics.HEADLINE_STEPS.m],
    ['np-headline-s', metrics.HEADLINE_STEPS.s],
    ['np-headline-leading', metrics.HEADLINE_LEADING],
    ['np-apparatus-leading', metrics.APPARATUS_LEADING],
    ['np-caption-leading', metrics.CAPTION_LEADING],
    ['np-section-head-size', metrics.SECTION_HEAD.size],
    ['np-section-before', metrics.SECTION_HEAD.before],
    ['np-section-after', metrics.SECTION_HEAD.after],
    ['np-indent', metrics.INDENT],
    ['np-space-xs', metrics.SPACE.xs],
    ['np-space-s', metrics.SPACE.s],
    ['np-space-m', metrics.SPACE.m],
  ])('--%s is %s', (name, value) => {
    expect(token(name)).toBe(value);
  });
  it('the space between stacked blocks is the rule and --np-space-m on each side of it', () => {
    // page.css: a stacked part has margin-top and padding-top of --np-space-m and a 1 px rule;
    // 1 px is under 0.1 em at every width the page is laid out at (body text ≥ 11 px).
    expect(token('np-space-m')).toBe(1);
    expect(LAYOUT.gap - 2 * token('np-space-m')).toBeGreaterThan(0);
    expect(LAYOUT.gap - 2 * token('np-space-m')).toBeLessThanOrEqual(0.1);
  });
});
