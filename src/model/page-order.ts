/** Orders page numbers as a reader turns pages: A01, A02 … A10, B01 (numeric-aware). */
export function comparePageNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}
