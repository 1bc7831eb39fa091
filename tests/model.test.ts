import { describe, expect, it } from 'vitest';
import { bodyText, formatBody, parseBody } from '../src/model/body.ts';
import { formatChineseDate, publishedTime, weekdayOf } from '../src/model/dates.ts';
import { comparePageNumbers } from '../src/model/page-order.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../src/model/share.ts';
import { articleCardHref, articleHref, cardFileName, homeHref, issueHref, pageCardHref, pageHref } from '../src/model/urls.ts';

/**
 * The content model's pure functions, in process: dates as the paper prints them, the URL
 * scheme, page order, share geometry and the body format. Expected values are written out
 * by hand from the calendar, the README's URL scheme and the Markdown rules, never computed
 * by the code under test.
 */
describe('issue dates', () => {
  it('prints the date the Chinese way, without leading zeros', () => {
    expect(formatChineseDate('2023-07-02')).toBe('2023年7月2日');
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日');
  });

  it('gives the weekday of the calendar day, whatever the machine time zone', () => {
    expect(weekdayOf('2023-07-02')).toBe('星期日');
    expect(weekdayOf('2023-07-03')).toBe('星期一');
    expect(weekdayOf('2024-02-29')).toBe('星期四');
    expect(weekdayOf('2023-07-04')).toBe('星期二');
    expect(weekdayOf('2023-07-05')).toBe('星期三');
    expect(weekdayOf('2023-07-07')).toBe('星期五');
    expect(weekdayOf('2023-07-08')).toBe('星期六');
  });

  it('publishes at midnight of the issue date in the paper’s time zone, with its offset', () => {
    expect(publishedTime('2023-07-02', 'Asia/Shanghai')).toBe('2023-07-02T00:00:00+08:00');
    expect(publishedTime('2023-07-02', 'UTC')).toBe('2023-07-02T00:00:00+00:00');
    expect(publishedTime('2023-07-02', 'America/New_York')).toBe('2023-07-02T00:00:00-04:00');
    expect(publishedTime('2023-01-15', 'America/New_York')).toBe('2023-01-15T00:00:00-05:00');
    expect(publishedTime('2023-07-02', 'Asia/Kolkata')).toBe('2023-07-02T00:00:00+05:30');
    expect(publishedTime('2023-07-02', 'America/St_Johns')).toBe('2023-07-02T00:00:00-02:30');
    expect(publishedTime('2023-07-02', 'Pacific/Chatham')).toBe('2023-07-02T00:00:00+12:45');
  });
});

describe('page order', () => {
  it('orders page numbers as a reader turns pages, digits by value', () => {
    const pages = ['B01', 'A10', 'A2', 'A01', 'a03', 'A03'];
    expect([...pages].sort(comparePageNumbers)).toEqual(['A01', 'A2', 'a03', 'A03', 'A10', 'B01']);
    expect(comparePageNumbers('A9', 'A10')).toBeLessThan(0);
    expect(comparePageNumbers('A10', 'A9')).toBeGreaterThan(0);
    expect(comparePageNumbers('a03', 'A03')).toBe(0);
  });
});

describe('URLs', () => {
  it('follow /<date>/<page>/<article>/ under the base path, with or without its final slash', () => {
    expect(homeHref('/')).toBe('/');
    expect(issueHref('/', '2023-07-02')).toBe('/2023-07-02/');
    expect(pageHref('/epaper/', '2023-07-02', 'A03')).toBe('/epaper/2023-07-02/A03/');
    expect(pageHref('/epaper', '2023-07-02', 'A03')).toBe('/epaper/2023-07-02/A03/');
    expect(articleHref('/', '2023-07-02', 'A03', 'lead')).toBe('/2023-07-02/A03/lead/');
  });

  it('encode what is not URL-safe in a segment', () => {
    expect(articleHref('/', '2023-07-02', 'A03', '头条 a/b')).toBe('/2023-07-02/A03/%E5%A4%B4%E6%9D%A1%20a%2Fb/');
  });

  it('put the share card next to the HTML', () => {
    expect(cardFileName).toBe('card.png');
    expect(pageCardHref('/', '2023-07-02', 'A03')).toBe('/2023-07-02/A03/card.png');
    expect(articleCardHref('/x/', '2023-07-02', 'A03', '1')).toBe('/x/2023-07-02/A03/1/card.png');
  });

  it('size share cards as Open Graph consumers expect (1200×630)', () => {
    expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
  });
});

describe('article bodies', () => {
  const markdown = '开头一段，\n接着写。\n\n### 小标题一\n\n第一段。\n\n第二段。\n\n###   小标题二  \n\n最后一段。\n';
  const sections = [
    { paragraphs: ['开头一段，接着写。'] },
    { heading: '小标题一', paragraphs: ['第一段。', '第二段。'] },
    { heading: '小标题二', paragraphs: ['最后一段。'] },
  ];

  it('splits paragraphs at blank lines and sections at ### heads, joining soft line breaks without a space', () => {
    expect(parseBody(markdown)).toEqual(sections);
  });

  it('reads Windows and old Mac line ends as line ends', () => {
    expect(parseBody(markdown.replace(/\n/g, '\r\n'))).toEqual(sections);
    expect(parseBody(markdown.replace(/\n/g, '\r'))).toEqual(sections);
  });

  it('keeps a head with no paragraphs, drops empty input, and does not take #### or ###x for a head', () => {
    expect(parseBody('### 只有标题')).toEqual([{ heading: '只有标题', paragraphs: [] }]);
    expect(parseBody('')).toEqual([]);
    expect(parseBody('\n\n  \n')).toEqual([]);
    expect(parseBody('###没有空格\n\n#### 四级')).toEqual([{ paragraphs: ['###没有空格', '#### 四级'] }]);
    expect(parseBody('  缩进的段落  \n')).toEqual([{ paragraphs: ['缩进的段落'] }]);
    // A head right under a paragraph line ends the paragraph; two heads in a row keep both.
    expect(parseBody('第一段。\n### 标题\n第二段。')).toEqual([{ paragraphs: ['第一段。'] }, { heading: '标题', paragraphs: ['第二段。'] }]);
    expect(parseBody('### 甲\n\n### 乙\n\n段落。')).toEqual([{ heading: '甲', paragraphs: [] }, { heading: '乙', paragraphs: ['段落。'] }]);
  });

  it('formats sections back into the canonical Markdown', () => {
    expect(formatBody(sections)).toBe('开头一段，接着写。\n\n### 小标题一\n\n第一段。\n\n第二段。\n\n### 小标题二\n\n最后一段。\n');
    expect(formatBody([])).toBe('');
    expect(formatBody([{ paragraphs: [] }])).toBe('');
    expect(parseBody(formatBody(sections))).toEqual(sections);
  });

  it('lists all the text in reading order', () => {
    expect(bodyText(sections)).toEqual(['开头一段，接着写。', '小标题一', '第一段。', '第二段。', '小标题二', '最后一段。']);
  });
});
