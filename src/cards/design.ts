/**
 * The share cards' design tokens, each named once with its reason; colours come from the
 * palette the pages use too.
 */
import { palette } from '../design/palette.ts';

/**
 * Part of every card's cache key. The card code (src/cards, src/typeset, src/model, src/design) is hashed
 * into the key as well (environment.ts), so edits there re-render cards by themselves; bump
 * this when pixels change for a reason outside that code.
 */
export const DESIGN_VERSION = 1;

/** Open Graph's recommended 1.91:1 image, the size X's large card and others expect. */
export { CARD_HEIGHT, CARD_WIDTH } from '../model/share.ts';

/** The card's colours: the house palette (src/design/palette.ts), shared with the pages. */
export const colors = {
  paper: palette.cardPaper,
  ink: palette.ink,
  /** Dates, kicker, byline. */
  muted: palette.muted,
  /** 报头红: the paper's name, the page tab and the sample badge only. */
  red: palette.accent,
  /** The rules under the masthead and above the footer. */
  rule: palette.rule,
};

/** The card's margins: wide enough that crops by social apps (rounded corners) cut no text. */
export const margin = { x: 60, top: 40, bottom: 36 };

/** The text column's width. */
export const columnWidth = (width: number) => width - 2 * margin.x;

/** Line heights: CJK headlines set tight (1.2), running text looser (1.4). */
export const leading = { headline: 1.2, text: 1.4 };

/** Header: the masthead line with the paper's name, date and page. */
export const header = {
  /** The paper's name; large enough to read on a 400 px wide thumbnail. */
  nameSize: 44,
  metaSize: 24,
  height: 64,
  /** A thick and a thin rule under the masthead, as printed under a newspaper's nameplate. */
  thickRule: 4,
  thinRule: 1,
  ruleGap: 3,
};

/** Footer: byline and the site's address above a hairline. */
export const footer = { size: 24, height: 52 };

/** Article card: headline sizes tried largest first; the first that fits without a clamp wins. */
export const article = {
  kickerSize: 30,
  kickerLines: 1,
  /** [size, max lines]: short headlines large, long ones smaller and on more lines. */
  headlineSteps: [
    [84, 2],
    [72, 2],
    [64, 3],
    [56, 3],
  ] as const,
  /** A headline's shortest line must be at least this share of its longest, or a smaller size is tried. */
  minLineShare: 0.4,
  deckSize: 32,
  deckLines: 2,
  /** Gaps between kicker, headline and deck. */
  gap: 14,
};

/** Page card: the page tab and the page's headlines as a list. */
export const page = {
  tabSize: 60,
  sectionSize: 60,
  headlineSize: 40,
  /** The most headlines listed; more are summed up in the last line. */
  maxHeadlines: 5,
  gap: 12,
};

/** The sample-content badge: sample cards must not pass for a real paper's. */
export const SAMPLE_LABEL = '示例';
