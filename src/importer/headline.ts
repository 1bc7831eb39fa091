import { isCjkPunctuation, isHan } from '../typeset/punctuation.ts';

/**
 * A kicker merged into its headline (samples/2023-07-02-A03/ANATOMY.md D9): `# 第七届…展能节落幕 山东省代表团…获第一`.
 * The transcript lost the line break between the 引题 and the 主题 and left a space. A space
 * between two long runs of Chinese text in a `#` line is that scar; the kicker is the first
 * part, as it is printed above the headline. Short halves of equal length are a parallel
 * headline (`共创美好未来 共享美好生活`) and stay one line, as does a space beside Latin text.
 */

/** Each side must be at least this many characters to be a kicker or a headline of its own. */
const MIN_PART = 8;

export interface HeadlineSplit {
  kicker?: string;
  headline: string;
}

const chinese = (ch: string | undefined) => isHan(ch) || isCjkPunctuation(ch);

/** Splits a `#` line into kicker and headline when it carries the merge scar. */
export function splitHeadline(text: string): HeadlineSplit {
  const gaps = [...text.matchAll(/\s+/g)];
  if (gaps.length !== 1) return { headline: text };
  const gap = gaps[0]!;
  const left = text.slice(0, gap.index);
  const right = text.slice(gap.index + gap[0].length);
  const leftChars = Array.from(left);
  const rightChars = Array.from(right);
  if (!chinese(leftChars[leftChars.length - 1]) || !chinese(rightChars[0])) return { headline: text };
  if (leftChars.length < MIN_PART || rightChars.length < MIN_PART) return { headline: text };
  if (Math.abs(leftChars.length - rightChars.length) <= 1) return { headline: text };
  return { kicker: left, headline: right };
}
