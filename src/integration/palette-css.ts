import { paletteCss } from '../design/palette.ts';

const MODULE_ID = 'virtual:newsprint/palette.css';
// The resolved id keeps the `.css` ending, so Vite's CSS pipeline bundles it like a file.
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * A Vite plugin that serves the palette (src/design/palette.ts) as the stylesheet
 * `virtual:newsprint/palette.css`, so the pages' colours and the cards' come from one module.
 */
export function paletteStylesheet() {
  return {
    name: 'newsprint:palette',
    resolveId(id: string) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id: string) {
      return id === RESOLVED_ID ? paletteCss() : undefined;
    },
  };
}
