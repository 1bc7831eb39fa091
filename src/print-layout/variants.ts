/**
 * Shape variants of an article block (Strecker and Hennig's "article variants"): for each span
 * on the column grid and each headline size the headline fits at, the block's estimated height
 * and how much of its rectangle its own shape leaves blank (empty body columns, a side column
 * shorter than the body). The partition search (partition.ts) picks one variant per article.
 */
import { bestSide, headlineLines, layoutBody, stackHeight, type BlockContent } from './estimate.ts';
import { BODY_LEADING, COLUMN_CHARS, GUTTER, HEADLINE_STEPS, linesOf, spanWidth, type HeadlineStep } from './metrics.ts';

export interface Variant {
  span: number;
  /** The headline's size step. */
  step: HeadlineStep;
  /** Columns of the block given to the lead and figures beside the body (0: all in the flow). */
  side: number;
  /** Columns the body flows in, after the side column. */
  bodyColumns: number;
  /** White above each part of the body, in em, that levels the body's columns (estimate.ts `BodyLayout.white`). */
  white: number[];
  /** Estimated height of the block's content, in em. */
  height: number;
  /** Blank inside the block's own shape, in em² (empty body columns, a short side column). */
  blank: number;
  /** What the variant costs the page's looks, in em² of blank it is worth: a headline set smaller than its block could take. */
  style: number;
}

/** A body of at most this many lines (in one basic column) is a brief. */
const BRIEF_LINES = 20;
/** What each column a brief spans beyond two costs, in em²: four lines of one column. */
const BRIEF_WIDE = 4 * BODY_LEADING * COLUMN_CHARS;
/** Lines of blank across a block that one step down in headline size is worth. */
const STEP_COST = 1.2;

const STEPS = Object.keys(HEADLINE_STEPS) as HeadlineStep[];

/** Index of a step, 0 for the largest: two headlines side by side must not share one (撞题). */
export const stepRank = (step: HeadlineStep): number => STEPS.indexOf(step);

/** The most lines a printed line of a headline may break into at any step: more reads as heavy, a column of short lines (1-column briefs set 3–4 lines deep). */
export const HEADLINE_LINES = 2;

/**
 * The headline steps an article may take at `span`: the lead across most of the page may be
 * set extra large (通栏 or nearly), a block of half the page or more large, others medium or
 * small. A step is offered only when every printed line of the headline breaks, between its
 * phrases, into at most `HEADLINE_LINES` lines at it; a span where no step does is not
 * offered (a long-headlined brief takes two columns rather than one), unless `force` (the
 * span is fixed by the front matter, or the whole page): then the smallest step, wrapping more.
 */
export function headlineSteps(content: BlockContent, span: number, columns: number, isLead: boolean, force = span === columns): HeadlineStep[] {
  const largest: HeadlineStep = isLead && span >= columns - 2 ? 'xl' : span * 2 >= columns ? 'l' : 'm';
  const sizes = STEPS.slice(STEPS.indexOf(largest));
  const fitting = sizes.filter((step) => content.headline.every((line) => headlineLines(line, span, step) <= HEADLINE_LINES));
  // The lead is set extra large or large: it must read as the page's main story.
  const offered = isLead ? fitting.filter((step) => step === 'xl' || step === 'l') : fitting;
  if (offered.length > 0) return offered;
  return force ? [fitting[0] ?? 's'] : [];
}

/**
 * The side-column widths an article is offered at `span`: the one that makes its block
 * shortest (estimate.ts `bestSide`), and for the page's lead every other that holds its lead
 * and photo frame beside the text. A lead set tight leaves the foot of a short page empty; a
 * lead with its photo in a wider side column is taller, which is how a make-up editor fills a
 * sheet (place.ts weighs the blank at the page's foot). Other articles keep the shortest
 * shape, and so does a lead with an image file: a photo is shown at its own proportions, which
 * the estimate does not know, and a wider column would make a tall photo taller still.
 */
function sidesAt(content: BlockContent, span: number, isLead: boolean): number[] {
  const best = bestSide(content, span).side;
  if (!isLead || (content.imageFigures ?? 0) > 0 || (!content.lead && content.captions.length === 0)) return [best];
  const sides = [best];
  for (let side = 2; span - side >= 2; side++) if (side !== best) sides.push(side);
  return sides;
}

/** Every shape variant of an article at `span` columns (none when its headline cannot fit). */
export function variantsAt(content: BlockContent, span: number, columns: number, isLead: boolean, force?: boolean): Variant[] {
  const steps = headlineSteps(content, span, columns, isLead, force);
  if (steps.length === 0) return [];
  return sidesAt(content, span, isLead).flatMap((side) => shapesAt(content, span, side, steps, isLead));
}

function shapesAt(content: BlockContent, span: number, side: number, steps: HeadlineStep[], isLead: boolean): Variant[] {
  const body = layoutBody(content, span, side);
  const columnWidth = COLUMN_CHARS + GUTTER;
  const emptyColumns = span - side - body.columns;
  // Blank inside the block's own shape: empty body columns, the short ends of the body
  // columns, and a side column shorter than the body.
  const blank = emptyColumns * columnWidth * body.height + body.shortfall + (side > 0 ? spanWidth(side) * Math.max(0, body.height - body.sideHeight) : 0);
  // A headline a step smaller than its block allows reads as a step less important: worth
  // about a line of blank across the block. A brief (简讯) set wide reads as more than it is:
  // it belongs in a narrow strip, one or two columns.
  const lines = content.paragraphs.reduce((n, p) => n + linesOf(p, 1), 0);
  const brief = content.captions.length === 0 && !content.lead && lines <= BRIEF_LINES;
  const wide = brief ? Math.max(0, span - 2) * BRIEF_WIDE : 0;
  return steps.map((step, k) => ({
    style: k * spanWidth(span) * STEP_COST + wide,
    span,
    step,
    side,
    bodyColumns: body.columns,
    white: body.white,
    height: stackHeight(content, span, step, isLead) + body.height,
    blank,
  }));
}
