import { SAMPLE_LABEL, colors, columnWidth, footer, header, leading, margin } from './design.ts';
import { faceStyle } from './fonts.ts';
import { h, type CardNode, type Composer, type LayoutContext, type TextStyle } from './compose.ts';
import type { CardInput } from './inputs.ts';

/**
 * What every card has: the paper, the masthead line (paper's name in red, date and page on the
 * right) over a thick-and-thin rule, and a footer line over a hairline.
 */

const metaStyle: TextStyle = { face: 'sans-regular', size: header.metaSize, leading: 1.3, color: colors.muted };
const nameStyle: TextStyle = { face: 'serif-bold', size: header.nameSize, leading: 1.3, color: colors.red };
const badgeStyle: TextStyle = { face: 'serif-bold', size: 20, leading: 1.2, color: colors.paper };
const footerStyle: TextStyle = { face: 'sans-regular', size: footer.size, leading: leading.text, color: colors.ink };

/** The height left for a card's body between header and footer. */
export function bodyHeight(ctx: LayoutContext): number {
  const rules = header.thickRule + header.ruleGap + header.thinRule;
  return ctx.height - margin.top - margin.bottom - header.height - rules - footer.height - 1;
}

function masthead(input: CardInput, c: Composer, width: number): CardNode {
  const date = c.wrap('dateLine', input.dateLine, metaStyle, { width: width / 2, maxLines: 1 });
  const page = c.wrap('pageLine', input.pageLine, metaStyle, { width: width / 2, maxLines: 1 });
  const metaWidth = Math.max(...[...date.lines, ...page.lines].map((l) => c.width(l, metaStyle)));
  const badgeWidth = input.sample ? c.width(SAMPLE_LABEL, badgeStyle) + 14 + 16 : 0;
  const name = c.wrap('paperName', input.paperName, nameStyle, { width: width - metaWidth - badgeWidth - 24, maxLines: 1 });
  const badge = input.sample
    ? [
        h(
          'div',
          {
            display: 'flex',
            marginLeft: 16,
            // Filled, not outlined: a border costs librsvg a clip path and a mask per card.
            padding: '2px 7px',
            backgroundColor: colors.red,
            ...faceStyle(badgeStyle.face),
            fontSize: badgeStyle.size,
            color: colors.paper,
          },
          SAMPLE_LABEL,
        ),
      ]
    : [];
  return h(
    'div',
    { display: 'flex', flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', height: header.height },
    h('div', { display: 'flex', flexDirection: 'row', alignItems: 'center' }, c.block(name.lines, nameStyle), ...badge),
    c.block([...date.lines, ...page.lines], metaStyle, { alignItems: 'flex-end', textAlign: 'right' }),
  );
}

function rules(): CardNode {
  const rule = (height: number) => h('div', { display: 'flex', height, backgroundColor: colors.rule });
  return h(
    'div',
    { display: 'flex', flexDirection: 'column' },
    rule(header.thickRule),
    h('div', { display: 'flex', height: header.ruleGap }),
    rule(header.thinRule),
  );
}

/**
 * The footer: a hairline, then one line (the byline, or the page's article count). No site
 * address: social apps print the link's domain under the card themselves.
 */
function foot(text: { field: string; value: string } | undefined, c: Composer, width: number): CardNode {
  const line = text ? c.wrap(text.field, text.value, footerStyle, { width, maxLines: 1 }) : { lines: [] };
  return h(
    'div',
    { display: 'flex', flexDirection: 'column', height: footer.height, justifyContent: 'space-between' },
    // A filled 1 px box rather than a border: borders cost librsvg a clip path and a mask.
    h('div', { display: 'flex', height: 1, backgroundColor: colors.rule }),
    c.block(line.lines, footerStyle),
  );
}

/** The whole card around `body`. */
export function frame(
  input: CardInput,
  c: Composer,
  ctx: LayoutContext,
  body: CardNode,
  footer?: { field: string; value: string },
): CardNode {
  const width = columnWidth(ctx.width);
  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: ctx.width,
      height: ctx.height,
      // satori adds padding to the width unless the box is border-box: text would run off.
      boxSizing: 'border-box',
      padding: `${margin.top}px ${margin.x}px ${margin.bottom}px`,
      backgroundColor: colors.paper,
      color: colors.ink,
    },
    masthead(input, c, width),
    rules(),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', justifyContent: 'center', height: bodyHeight(ctx) },
      body,
    ),
    foot(footer, c, width),
  );
}
