import { describe, expect, it } from 'vitest';
import { ImportError, importTranscript } from '../src/importer/index.ts';

/**
 * The importer's page structure on small transcripts: the block walk (headlines, decks,
 * section heads, bylines, text with no byline; what it refuses) and the assembly of an
 * article (text between lead and byline, joins that change punctuation, unfinished
 * paragraphs, sections emptied by a caption). Each expected value is the transcript's own
 * text placed where the README's import rules put it.
 */
const identity = { date: '2024-03-05', page: 'B2', section: '城事' };

describe('the block walk of a page', () => {
  const walk = (lines: string[]) => importTranscript(lines.join('\n'), identity, 't.txt');
  const refusal = (lines: string[]) => {
    try {
      walk(lines);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return { message: (error as ImportError).message, line: (error as ImportError).line };
    }
    throw new Error('the import was not refused');
  };

  it('refuses an empty headline, a heading or text before the first headline, naming the line', () => {
    expect(refusal(['# 标题', '', '正文。', '', '# ', '', '正文。'])).toEqual({ message: 't.txt, line 5: the headline is empty; write the headline after the `# `.', line: 5 });
    expect(refusal(['### 小标题', '', '# 标题', '', '正文。'])).toEqual({ message: 't.txt, line 1: a heading comes before the first headline; start each article with a line `# headline`.', line: 1 });
    expect(refusal(['开头一段话不属于任何文章的文字。', '', '# 标题', '', '正文。'])).toEqual({
      message: 't.txt, line 1: text before the first headline (“开头一段话不属于任何文章的文字。”); add a line `# headline` above it, or remove it if it is not part of the page.',
      line: 1,
    });
  });

  it('takes a ## right under the headline for the deck, and a ## inside the article for a section head, saying so; drops an empty heading, saying so', () => {
    const deck = walk(['# 标题', '', '## 副题', '', '记者 王小明', '', '正文。']);
    expect(deck.articles[0]).toMatchObject({ headline: '标题', deck: '副题', byline: [{ role: '记者', names: ['王小明'] }], sections: [{ paragraphs: ['正文。'] }] });
    expect(deck.report.warnings).toEqual([]);
    const inside = walk(['# 标题', '', '记者 王小明', '', '正文。', '', '## 中间', '', '更多。']);
    expect(inside.articles[0]!.deck).toBeUndefined();
    expect(inside.articles[0]!.sections).toEqual([{ paragraphs: ['正文。'] }, { heading: '中间', paragraphs: ['更多。'] }]);
    expect(inside.report.warnings).toEqual([{ kind: 'unplaced-text', line: 7, detail: 'a `##` heading inside the article was taken as a section head (小标题)' }]);
    const empty = walk(['# 标题', '', '记者 王小明', '', '###', '', '正文。']);
    expect(empty.articles[0]!.sections).toEqual([{ paragraphs: ['正文。'] }]);
    expect(empty.report.warnings).toEqual([{ kind: 'unplaced-text', line: 5, detail: 'an empty heading was dropped' }]);
  });

  it('takes the text after the headline for body, not lead, when no byline comes before a section head or at all', () => {
    const headed = walk(['# 标题', '', '导语一段。', '', '### 小标题', '', '正文。']);
    expect(headed.articles[0]!.lead).toBeUndefined();
    expect(headed.articles[0]!.sections).toEqual([{ paragraphs: ['导语一段。'] }, { heading: '小标题', paragraphs: ['正文。'] }]);
    const none = walk(['# 标题', '', '正文一段。', '', '正文二段。']);
    expect(none.articles[0]).toMatchObject({ byline: [], sections: [{ paragraphs: ['正文一段。', '正文二段。'] }] });
    expect(none.articles[0]!.lead).toBeUndefined();
  });

  it('warns about a headline with an inner space that it does not split', () => {
    const result = walk(['# 书记 论坛', '', '正文。']);
    expect(result.articles[0]!.headline).toBe('书记 论坛');
    expect(result.articles[0]!.kicker).toBeUndefined();
    expect(result.report.warnings).toEqual([
      { kind: 'kicker', line: 1, detail: 'the headline “书记 论坛” has an inner space but reads as one line (short or parallel halves); if a kicker is merged into it, split it by hand' },
    ]);
  });
});

describe('assembling an article', () => {
  const article = (lines: string[]) => importTranscript(lines.join('\n'), identity);

  it('puts text between the lead and the byline at the start of the body, before its first head, and says so', () => {
    const plain = article(['# 市民植树三千棵', '', '3月4日，市民来到山坡植树。', '', '活动由团市委组织。', '', '记者 王小明', '', '周末，市民来到山坡上种下树苗。']);
    expect(plain.articles[0]!.lead).toBe('3月4日，市民来到山坡植树。');
    expect(plain.articles[0]!.sections).toEqual([{ paragraphs: ['活动由团市委组织。', '周末，市民来到山坡上种下树苗。'] }]);
    expect(plain.report.warnings).toEqual([
      { kind: 'unplaced-text', line: 5, detail: '1 paragraph(s) between the lead and the byline were put at the start of the body; move them if they belong elsewhere' },
    ]);
    const headed = article(['# 市民植树三千棵', '', '3月4日，市民来到山坡植树。', '', '活动由团市委组织。', '', '团员们带来了树苗。', '', '记者 王小明', '', '### 春风十里', '', '周末，市民来到山坡上种下树苗。']);
    expect(headed.articles[0]!.sections).toEqual([{ paragraphs: ['活动由团市委组织。', '团员们带来了树苗。'] }, { heading: '春风十里', paragraphs: ['周末，市民来到山坡上种下树苗。'] }]);
    expect(headed.report.warnings.map((w) => [w.line, w.detail.slice(0, 14)])).toEqual([[5, '2 paragraph(s)']]);
  });

  it('makes ASCII punctuation full-width where the join first makes it touch Chinese, and drops the space the join puts beside it', () => {
    const result = article(['# 市民植树三千棵', '', '记者 王小明', '', '周末，市民来到5G ,', '', '基站旁种下树苗。']);
    expect(result.articles[0]!.sections[0]!.paragraphs).toEqual(['周末，市民来到5G，基站旁种下树苗。']);
    expect(result.report.repairs.filter((r) => r.kind !== 'column-break')).toEqual([
      { kind: 'punctuation', line: 7, detail: 'made ASCII punctuation at the join full-width: , → ， ×1' },
      { kind: 'space', line: 7, detail: 'removed 1 stray space(s) beside CJK punctuation at the join' },
    ]);
  });

  it('warns, at its last line, about a paragraph that ends its section without sentence-final punctuation', () => {
    const result = article(['# 市民植树三千棵', '', '记者 王小明', '', '周末，市民来到山坡上种下树苗。', '', '### 春风十里', '', '山坡上种下树苗', '', '### 又一节', '', '好。']);
    expect(result.report.warnings).toEqual([
      { kind: 'unfinished-paragraph', line: 9, detail: 'the paragraph “山坡上种下树苗” ends without sentence-final punctuation and nothing follows it in its section; check for lost text' },
    ]);
  });

  it('leaves out a section whose only block was a caption', () => {
    const result = article(['# 市民植树三千棵', '', '记者 王小明', '', '', '', '市民在山坡上植树。 通讯员 李华 摄', '', '', '', '### 春风十里', '', '周末，市民来到山坡上种下树苗。']);
    expect(result.articles[0]!.figures).toEqual([{ caption: '市民在山坡上植树。', credit: '通讯员 李华 摄' }]);
    expect(result.articles[0]!.sections).toEqual([{ heading: '春风十里', paragraphs: ['周末，市民来到山坡上种下树苗。'] }]);
  });
});
