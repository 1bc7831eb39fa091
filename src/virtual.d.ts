declare module 'virtual:newsprint/config' {
  const edition: import('./schemas/edition.ts').Edition;
  export default edition;
}
