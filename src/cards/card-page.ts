import { colors, columnWidth, page } from './design.ts';
import { bodyHeight, frame } from './card-frame.ts';
import { composer, h, type CardLayout, type CardNode, type LayoutContext, type TextStyle } from './compose.ts';
import { faceStyle } from './fonts.ts';
import type { PageCardInput } from './inputs.ts';

/**
 * A page's card: the page tab (版次 white on red, as printed in the page header) and the
 * section name, then the page's headlines in reading order, one line each.
 */
export function pageCard(input: PageCardInput, ctx: LayoutContext): CardLayout {
  const c = composer(ctx);
  const width = columnWidth(ctx.width);

  const tabStyle: TextStyle = { face: 'serif-bold', size: page.tabSize, leading: 1.2, color: colors.paper };
  const sectionStyle: TextStyle = { face: 'serif-bold', size: page.sectionSize, leading: 1.2, color: colors.ink };
  const headlineStyle: TextStyle = { face: 'serif-bold', size: page.headlineSize, leading: 1.3, color: colors.ink };
  const moreStyle: TextStyle = { face: 'sans-regular', size: 28, leading: 1.3, color: colors.muted };

  const tab = c.wrap('page', input.page, tabStyle, { width: width / 3, maxLines: 1 });
  const tabWidth = Math.max(...tab.lines.map((l) => c.width(l, tabStyle))) + 2 * 18;
  const section = c.wrap('section', input.section, sectionStyle, { width: width - tabWidth - 28, maxLines: 1 });
  const tabRow = h(
    'div',
    { display: 'flex', flexDirection: 'row', alignItems: 'center', marginBottom: 24 },
    h(
      'div',
      { display: 'flex', backgroundColor: colors.red, padding: '0 18px', boxSizing: 'border-box', marginRight: 28 },
      c.block(tab.lines, tabStyle),
    ),
    c.block(section.lines, sectionStyle),
  );

  // As many headlines as fit; the rest are counted in a last line rather than squeezed in.
  const rowHeight = c.height(1, headlineStyle) + page.gap;
  const room = bodyHeight(ctx) - c.height(1, tabStyle) - 24;
  const fit = Math.min(page.maxHeadlines, Math.floor((room + page.gap) / rowHeight));
  const shown = input.headlines.length > fit ? input.headlines.slice(0, fit - 1) : input.headlines;
  const hidden = input.headlines.length - shown.length;
  const bulletSize = 12;
  const rows: CardNode[] = shown.map((text, i) => {
    const line = c.wrap(`headlines ${i + 1}`, text, headlineStyle, { width: width - bulletSize - 20, maxLines: 1 });
    return h(
      'div',
      { display: 'flex', flexDirection: 'row', alignItems: 'center', marginBottom: page.gap },
      h('div', { display: 'flex', width: bulletSize, height: bulletSize, backgroundColor: colors.red, marginRight: 20 }),
      c.block(line.lines, headlineStyle),
    );
  });
  if (hidden > 0) {
    const more = c.wrap('more', `另有 ${hidden} 篇`, moreStyle, { width, maxLines: 1 });
    rows.push(h('div', { display: 'flex', paddingLeft: bulletSize + 20, ...faceStyle('sans-regular') }, c.block(more.lines, moreStyle)));
  }
  const count = input.headlines.length;
  const body = h('div', { display: 'flex', flexDirection: 'column' }, tabRow, ...rows);
  return c.result(frame(input, c, ctx, body, count > 0 ? { field: 'count', value: `本版 ${count} 篇` } : undefined));
}
