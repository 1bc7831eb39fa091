import { article, colors, columnWidth, leading } from './design.ts';
import { bodyHeight, frame } from './card-frame.ts';
import { composer, h, type CardLayout, type LayoutContext, type TextStyle } from './compose.ts';
import type { ArticleCardInput } from './inputs.ts';

/**
 * An article's card: kicker (引题) above, the headline (主题) large in the serif, the deck (副题)
 * below, as the headline stack is printed; byline in the footer. The headline takes the
 * largest size at which it fits without being cut; only at the smallest size is it clamped.
 */
export function articleCard(input: ArticleCardInput, ctx: LayoutContext): CardLayout {
  const c = composer(ctx);
  const width = columnWidth(ctx.width);
  const available = bodyHeight(ctx);

  const kickerStyle: TextStyle = { face: 'sans-regular', size: article.kickerSize, leading: leading.text, color: colors.muted };
  const deckStyle: TextStyle = { face: 'sans-regular', size: article.deckSize, leading: leading.text, color: colors.ink };
  const kicker = input.kicker ? c.wrap('kicker', input.kicker, kickerStyle, { width, maxLines: article.kickerLines }) : undefined;
  // The deck reads as a continuation of the headline: printed papers open it with a dash.
  const deckText = input.deck ? `——${input.deck.replace(/^[—-]+/, '')}` : undefined;
  let deckLines = article.deckLines;

  const heightOf = (headlineLines: number, style: TextStyle, deck: number) =>
    (kicker ? c.height(kicker.lines.length, kickerStyle) + article.gap : 0) +
    c.height(headlineLines, style) +
    (deck > 0 ? article.gap + c.height(deck, deckStyle) : 0);

  // Try the headline sizes from the largest; the first that fits whole (with the deck) and
  // breaks into even lines wins. A size that fits only with a ragged break (历下区 / “书记论坛”
  // 有“新”论) is kept as a fallback, in case no smaller size does better.
  const steps = article.headlineSteps;
  let chosen: { style: TextStyle; lines: string[] } | undefined;
  let ragged: typeof chosen;
  for (const [size, maxLines] of steps) {
    const style: TextStyle = { face: 'serif-bold', size, leading: leading.headline, color: colors.ink };
    const wrapped = c.trial('headline', input.headline, style, { width, maxLines, balance: true });
    const deck = deckText ? c.trial('deck', [deckText], deckStyle, { width, maxLines: deckLines }).lines.length : 0;
    if (wrapped.clamped || heightOf(wrapped.lines.length, style, deck) > available) continue;
    const widths = wrapped.lines.map((line) => c.width(line, style));
    if (Math.min(...widths) >= article.minLineShare * Math.max(...widths)) {
      chosen = { style, lines: wrapped.lines };
      break;
    }
    ragged ??= { style, lines: wrapped.lines };
  }
  chosen ??= ragged;
  if (!chosen) {
    const [size, maxLines] = steps[steps.length - 1]!;
    const style: TextStyle = { face: 'serif-bold', size, leading: leading.headline, color: colors.ink };
    deckLines = 1;
    chosen = { style, lines: c.trial('headline', input.headline, style, { width, maxLines, balance: true }).lines };
  }
  const headline = c.wrapLines('headline', input.headline, chosen.style, {
    width,
    maxLines: chosen.lines.length,
    balance: true,
  });
  const deck = deckText ? c.wrap('deck', deckText, deckStyle, { width, maxLines: deckLines }) : undefined;

  const body = h(
    'div',
    { display: 'flex', flexDirection: 'column' },
    ...(kicker ? [c.block(kicker.lines, kickerStyle, { marginBottom: article.gap })] : []),
    c.block(headline.lines, chosen.style),
    ...(deck ? [c.block(deck.lines, deckStyle, { marginTop: article.gap })] : []),
  );
  return c.result(frame(input, c, ctx, body, input.byline ? { field: 'byline', value: input.byline } : undefined));
}
