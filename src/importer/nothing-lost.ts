import { ImportError } from './errors.ts';
import type { ImportedPage } from './types.ts';

/**
 * Issue 3's promise, checked on every import: every Han character, digit and Latin letter of
 * the transcript comes out again (the importer only ever normalises punctuation and spaces,
 * and moves blocks). A miss is a bug, and the import stops before anything is written.
 */

const INSIGNIFICANT = /[^\p{Script=Han}0-9A-Za-z]+/gu;

/**
 * Counts the significant characters of `texts`. One native regex pass strips the rest; the
 * count is by UTF-16 code unit, which is exact as a multiset check (a character outside the
 * BMP counts as its two halves) and much cheaper than a per-character regex.
 */
function count(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const kept = text.replace(INSIGNIFICANT, '');
    for (let i = 0; i < kept.length; i++) {
      const ch = kept[i]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  return counts;
}

/** Every text of an imported page, in no particular order. */
function outputTexts(result: ImportedPage): string[] {
  return [
    ...result.page.credits.flatMap((c) => [c.role, ...c.names]),
    ...result.articles.flatMap((a) => [
      a.kicker ?? '',
      a.headline,
      a.deck ?? '',
      a.lead ?? '',
      ...a.byline.flatMap((b) => [b.mark ?? '', b.role, ...b.names]),
      ...a.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]),
      ...a.figures.flatMap((f) => [f.caption, f.credit ?? '']),
    ]),
  ];
}

/** Throws when a significant character of `transcript` is missing from `result`, or one was added. */
export function assertNothingLost(transcript: string, result: ImportedPage, source: string): void {
  const before = count([transcript]);
  const after = count(outputTexts(result));
  for (const [ch, n] of before) {
    const m = after.get(ch) ?? 0;
    if (m !== n) {
      throw new ImportError(
        `The importer would ${m < n ? 'lose' : 'add'} the character ${ch} (${n} in ${source}, ${m} in the result), so nothing was written. This is a bug in the importer: please report it with the transcript.`,
      );
    }
    after.delete(ch);
  }
  const extra = [...after.keys()][0];
  if (extra !== undefined) throw new ImportError(`The importer would add the character ${extra}, not in ${source}, so nothing was written. This is a bug in the importer: please report it with the transcript.`);
}
