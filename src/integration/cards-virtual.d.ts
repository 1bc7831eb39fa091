declare module 'virtual:newsprint/cards' {
  /** Where the card routes find fonts, emoji images and the cache (see `src/integration/cards.ts`). */
  const env: import('../cards/environment.ts').CardEnvironment;
  export default env;
}
