/**
 * Punctuation classes of Chinese text layout, after W3C clreq §3.1.7 (line-start and
 * line-end prohibition rules) and GB/T 15834. Pure data, shared by the phrase breaker, the
 * importer, the share cards and the tests.
 */

/** Marks that must never start a line (clreq: 行首禁则). */
export const NO_LINE_START = '、，。：；！？）」』”’》〉】〗〕…—·％‰,.:;!?)]}%';

/** Marks that must never end a line (clreq: 行尾禁则). */
export const NO_LINE_END = '（「『“‘《〈【〖〔([{';

/** Sentence-final punctuation, full-width and ASCII, including closing quotes after a full stop. */
export const SENTENCE_FINAL = '。！？…”’」』!?.';
