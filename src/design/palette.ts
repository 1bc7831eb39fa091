/**
 * Newsprint's palette: every colour the pages and the share cards use, named once with its
 * reason. The pages read it as CSS custom properties (`--np-ink`, …) from the virtual
 * stylesheet `virtual:newsprint/palette.css` (src/integration/palette-css.ts); the cards
 * import it (src/cards/design.ts). Contrast ratios are WCAG 2 ratios against `paper`.
 * Pure TypeScript: no Astro, no Vite.
 */
export const palette = {
  /** Near-black text: newsprint ink is never pure black (16.7:1). */
  ink: '#1a1a1a',
  /** Warm off-white: the page reads as paper, not as a screen. */
  paper: '#fbfaf6',
  /**
   * The share card's paper: a deeper newsprint tone than the screen's sheet, because a card
   * is seen on a social app's white feed with no desk around it (ink on it: 15.2:1).
   */
  cardPaper: '#f4efe3',
  /** Column and head rules are printed in the text ink. */
  rule: '#1a1a1a',
  /** Bylines, credits, captions: secondary, 6.4:1 on paper and 5.8:1 on the card (WCAG AA ≥ 4.5:1). */
  muted: '#5c5c5c',
  /** Behind the page view's sheet: the page lies on a desk. */
  desk: '#e9e6df',
  /** A neutral photo frame: shows a picture was printed. */
  frame: '#e7e4dc',
  /** 报头红, the masthead red of Chinese dailies: the paper's name and the page-number box (7.2:1). */
  accent: '#a61b1b',
  /** The keyboard focus ring: must stand out from ink and red. */
  focus: '#1d4ed8',
} as const;

export type PaletteName = keyof typeof palette;

/** `cardPaper` → `--np-card-paper`. */
export const customProperty = (name: PaletteName) => `--np-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The palette as a stylesheet of custom properties on `:root`, in the order above. */
export function paletteCss(): string {
  const lines = Object.entries(palette).map(([name, value]) => `  ${customProperty(name as PaletteName)}: ${value};`);
  return `/* Generated from src/design/palette.ts. */\n:root {\n${lines.join('\n')}\n}\n`;
}

/**
 * The pre-press check's dev toolbar app (src/toolbar/): colours of the preview only, never
 * of a published page or card, so they are not custom properties of the pages. They sit on
 * Astro's dark toolbar window, or outline a block on the page.
 */
export const toolbarPalette = {
  /** Error counts and labels: a light red that reads on the toolbar window's #13151a (6.6:1). */
  error: '#ff6b6b',
  /** Warning counts and labels: amber (11.3:1 on the same). */
  warning: '#ffc14d',
  /**
   * The outline round the block a problem points at: a red brighter than 报头红 (`accent`),
   * so it is not read as part of the printed page.
   */
  outline: '#d7263d',
} as const;
