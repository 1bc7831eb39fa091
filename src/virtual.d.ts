declare module 'virtual:newsprint/config' {
  /** The validated edition options (see `src/integration/virtual-config.ts`). */
  const edition: import('./schemas/edition.ts').Edition;
  export default edition;
}

declare module 'virtual:newsprint/cards' {
  /** Where the card routes find fonts, emoji images and the cache (see `src/integration/cards.ts`). */
  const env: import('./cards/environment.ts').CardEnvironment;
  export default env;
}

declare module 'virtual:newsprint/palette.css' {
  // A stylesheet: the palette's custom properties (see `src/integration/palette-css.ts`).
}
