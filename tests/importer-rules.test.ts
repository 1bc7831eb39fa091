import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBylineLine } from '../src/importer/byline.ts';
import { breakSignals, showsBreak } from '../src/importer/column-breaks.ts';
import { parseCreditLine } from '../src/importer/credits.ts';
import { captionFigure } from '../src/importer/dropped-blocks.ts';
import { splitHeadline } from '../src/importer/headline.ts';
import { importTranscript, serializeImport } from '../src/importer/index.ts';
import { assertNothingLost } from '../src/importer/nothing-lost.ts';
import { findDoubledCharacters } from '../src/importer/typos.ts';
import { parseBody } from '../src/model/body.ts';
import { normalisePunctuation } from '../src/typeset/punctuation.ts';
import { significant } from './helpers/importer-run.ts';
import { runs } from './helpers/property.ts';

/**
 * The importer's rules one by one, on text that is not the sample's: each rule is general, so
 * it must hold on other pages as well.
 */
const identity = { date: '2024-03-05', page: 'B2', section: '城事' };
const norm = (text: string) => normalisePunctuation(text).text;

describe('punctuation (GB/T 15834, clreq)', () => {
  it('makes ASCII , : ; ? ! ( ) touching Han text or CJK quotes full-width', () => {
    expect(norm('会议指出,要抓落实;同时:要防风险!对吗?')).toBe('会议指出，要抓落实；同时：要防风险！对吗？');
    expect(norm('他说“好”,然后走了')).toBe('他说“好”，然后走了');
    expect(norm('商务中心(CBD)建设')).toBe('商务中心（CBD）建设');
    expect(norm('真的吗?!')).toBe('真的吗？！');
  });

  it('keeps ASCII marks that do not touch Chinese text: decimals, formulas, times, Latin', () => {
    for (const kept of ['增长1.1万人', '“2+1+N+X”机制', '文/片', '5G基站', '3D打印', '12:30开始', '共1,000人', 'f(x)=1', 'Hello, world']) {
      expect(norm(kept)).toBe(kept);
    }
  });

  it('removes spaces touching CJK punctuation and keeps meant spaces', () => {
    expect(norm('获得 “优秀” 称号')).toBe('获得“优秀”称号');
    expect(norm('今天 ， 晴')).toBe('今天，晴');
    expect(norm('绿水青山 美丽家园')).toBe('绿水青山 美丽家园');
    expect(norm('使用 iPhone 拍摄')).toBe('使用 iPhone 拍摄');
  });

  it('is idempotent, leaves no ASCII mark beside Han text and never changes Han, digits or Latin letters', () => {
    const piece = fc.constantFrom('市', '民', '“', '”', ',', ':', ';', '?', '!', '(', ')', ' ', '5', 'G', '.', '，', '。', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const once = norm(text);
        expect(norm(once)).toBe(once);
        expect(significant(once)).toBe(significant(text));
        expect(once).not.toMatch(/\p{Script=Han}[,:;?!()]|[,:;?!()]\p{Script=Han}/u);
      }),
      runs(300, 21),
    );
  });
});

describe('credit lines', () => {
  it('reads any order and any roles, with or without colons', () => {
    expect(parseCreditLine('美编：王五 编辑：张三 李四 校对：赵六')).toEqual([
      { role: '美编', names: ['王五'] },
      { role: '编辑', names: ['张三', '李四'] },
      { role: '校对', names: ['赵六'] },
    ]);
    expect(parseCreditLine('责任编辑 周一 组版 吴二')).toEqual([
      { role: '责任编辑', names: ['周一'] },
      { role: '组版', names: ['吴二'] },
    ]);
  });

  it('does not take sentences or field lists for credits', () => {
    expect(parseCreditLine('他说：我们一定做好')).toBeUndefined();
    expect(parseCreditLine('时间：7月1日 地点：济南')).toBeUndefined();
    expect(parseCreditLine('编辑部表示，将持续关注。')).toBeUndefined();
  });
});

describe('bylines, headlines, captions', () => {
  it('parses roles, marks and names', () => {
    expect(parseBylineLine('图/文 本报记者 王小明 通讯员 李华 陈晨')).toEqual([
      { role: '本报记者', names: ['王小明'], mark: '图/文' },
      { role: '通讯员', names: ['李华', '陈晨'] },
    ]);
    expect(parseBylineLine('实习生 欧阳·娜娜')).toEqual([{ role: '实习生', names: ['欧阳·娜娜'] }]);
    expect(parseBylineLine('记者在现场看到，人们排起长队。')).toBeUndefined();
    // A role with no name after it, last or before another role, is not a byline.
    expect(parseBylineLine('记者 王小明 通讯员')).toBeUndefined();
    expect(parseBylineLine('记者 通讯员 李华')).toBeUndefined();
  });

  it('splits a kicker merged into a headline, and not a parallel headline', () => {
    expect(splitHeadline('全省春季植树造林现场推进会在临沂召开 三年新增森林面积一百二十万亩')).toEqual({
      kicker: '全省春季植树造林现场推进会在临沂召开',
      headline: '三年新增森林面积一百二十万亩',
    });
    expect(splitHeadline('推进基层治理现代化 激发社会发展新活力')).toEqual({ headline: '推进基层治理现代化 激发社会发展新活力' });
    expect(splitHeadline('稳中求进 再创佳绩')).toEqual({ headline: '稳中求进 再创佳绩' });
    expect(splitHeadline('苹果发布 iPhone 新品')).toEqual({ headline: '苹果发布 iPhone 新品' });
  });

  it('splits the photographer credit off a caption', () => {
    expect(captionFigure('3日，市民在公园赏花。 记者 王小明 摄')).toEqual({ caption: '3日，市民在公园赏花。', credit: '记者 王小明 摄' });
    expect(captionFigure('志愿者进行现场拍摄。')).toEqual({ caption: '志愿者进行现场拍摄。' });
  });
});

describe('column-break signals', () => {
  it('finds each signal', () => {
    expect(breakSignals('市民纷纷前往', '参观展览。')).toContain('no-final-punctuation');
    expect(breakSignals('他说：“我们会继续努力。', '也请大家放心。”')).toContain('open-quote');
    expect(breakSignals('他说：“我们会继续努力。', '”说完就走了。')).toContain('closing-mark-at-start');
    expect(breakSignals('建设社区卫生服务中', '心。')).toContain('word-spans-join');
    expect(breakSignals('推进经', '济发展。')).toContain('word-spans-join');
  });

  it('decides the same with the short-circuit check as with the full list of signals', () => {
    const piece = fc.constantFrom('经', '济', '发', '展', '。', '“', '”', '，', '！', 'A', '5');
    const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(text, text, (a, b) => showsBreak(a, b) === breakSignals(a, b).length > 0), runs(500, 22));
  });

  it('sees no break between two whole paragraphs, nor inside a multi-paragraph quotation', () => {
    expect(breakSignals('会议由市长主持。', '会议强调，要抓好落实。')).toEqual([]);
    expect(breakSignals('“第一，要抓好安全。', '“第二，要抓好服务。”')).toEqual([]);
  });
});

describe('suspected typos', () => {
  it('flags a doubled character and not reduplications or words that meet', () => {
    expect(findDoubledCharacters('他们们都来了').map((t) => t.char)).toEqual(['们']);
    expect(findDoubledCharacters('市政府府办公室').map((t) => t.char)).toEqual(['府']);
    expect(findDoubledCharacters('经济体系系改革').map((t) => t.char)).toEqual(['系']);
    for (const fine of ['中国国家博物馆', '剪纸等等。', '天天向上', '代表团团体赛', '渐渐地']) expect(findDoubledCharacters(fine), fine).toEqual([]);
  });

  it('leaves the reduplications Chinese uses as words alone, but still finds 人 keyed twice before 群', () => {
    for (const word of ['人人都是参与者', '让人人都参与', '天天向上', '常常来', '家家户户挂彩灯', '看看书', '残疾人人数']) {
      expect(findDoubledCharacters(word), word).toEqual([]);
    }
    expect(findDoubledCharacters('帮助残疾人人群体就业').map((t) => t.char)).toEqual(['人']);
    expect(findDoubledCharacters('他的的书').map((t) => t.char)).toEqual(['的']);
  });
});

describe('a whole page', () => {
  const transcript = [
    '# 全省春季植树造林现场推进会在临沂召开 三年新增森林面积一百二十万亩',
    '',
    '3月4日,全省春季植树造林现场推进会在临沂召开。会议要求,新增森林面积一百二十万亩。',
    '',
    '图/文 记者 王小明',
    '',
    '### 植绿护绿',
    '',
    '会上,与会人员参观了',
    '',
    '责编:陈晨 美编:周一',
    '',
    '沂河两岸造林现场。',
    '',
    '网友留言 <script>alert(1)</script> 与 {props.name},还有 import x from "y"。',
  ].join('\n');
  // Imported in each test, not once when the file is collected: an import outside any test
  // makes every mutant it reaches "static" to Stryker, which then runs every test on each.
  const page = () => importTranscript(transcript, identity);

  it('takes the credit line out from inside a column break and joins around it', () => {
    const result = page();
    expect(result.page.credits).toEqual([
      { role: '责编', names: ['陈晨'] },
      { role: '美编', names: ['周一'] },
    ]);
    expect(result.articles[0]!.sections[0]!.paragraphs[0]).toBe('会上，与会人员参观了沂河两岸造林现场。');
  });

  it('keeps HTML, JSX and MDX-looking text as text, warns about it, and writes .md only', () => {
    const result = page();
    const body = result.articles[0]!.sections[0]!.paragraphs[1]!;
    expect(body).toBe('网友留言 <script>alert(1)</script> 与 {props.name}，还有 import x from "y"。');
    expect(result.report.warnings.some((w) => w.kind === 'markup' && w.line === 15)).toBe(true);
    const files = serializeImport(result);
    expect([...files.keys()]).toEqual(['B2.yaml', 'B2-1.md']);
    const md = files.get('B2-1.md')!;
    expect(parseBody(md.slice(md.indexOf('\n---\n') + 5))[0]!.paragraphs[1]).toBe(body);
  });

  it('reads the headline stack, lead and byline', () => {
    const a = page().articles[0]!;
    expect(a.kicker).toBe('全省春季植树造林现场推进会在临沂召开');
    expect(a.headline).toBe('三年新增森林面积一百二十万亩');
    expect(a.lead).toBe('3月4日，全省春季植树造林现场推进会在临沂召开。会议要求，新增森林面积一百二十万亩。');
    expect(a.byline).toEqual([{ role: '记者', names: ['王小明'], mark: '图/文' }]);
  });
});

describe('the nothing-lost guard', () => {
  it('stops an import that would lose or add a character', () => {
    const text = '# 新闻标题\n\n正文有3个字。';
    const result = importTranscript(text, identity);
    expect(() => assertNothingLost(text, result, 't.txt')).not.toThrow();
    const lost = structuredClone(result);
    lost.articles[0]!.sections[0]!.paragraphs[0] = '正文有个字。';
    expect(() => assertNothingLost(text, lost, 't.txt')).toThrow(/would lose the character 3 \(1 in t\.txt, 0 in the result\)/);
    const added = structuredClone(result);
    added.articles[0]!.headline = '新闻大标题';
    expect(() => assertNothingLost(text, added, 't.txt')).toThrow(/would add the character 大/);
  });
});

describe('dropped-in blocks', () => {
  const page = (byline: string, dropped: string) =>
    importTranscript(['# 市民植树三千棵', '', byline, '', '### 春风十里', '', '周末，市民来到', '', '', '', dropped, '', '山坡上种下树苗。'].join('\n'), identity).articles[0]!;

  it('takes a dated block that repeats the headline for the lead when the byline has no photo credit', () => {
    const a = page('记者 王小明', '3月2日，市民植树三千棵。');
    expect(a.lead).toBe('3月2日，市民植树三千棵。');
    expect(a.figures).toEqual([]);
    expect(a.sections[0]!.paragraphs).toEqual(['周末，市民来到山坡上种下树苗。']);
  });

  it('takes the same block for a caption under a photo byline', () => {
    const a = page('文/片 记者 王小明', '3月2日，市民植树三千棵。');
    expect(a.lead).toBeUndefined();
    expect(a.figures).toEqual([{ caption: '3月2日，市民植树三千棵。' }]);
    expect(a.sections[0]!.paragraphs).toEqual(['周末，市民来到山坡上种下树苗。']);
  });

  it('takes a block ending in a photographer credit for a caption, credit apart', () => {
    const a = page('记者 王小明', '市民在山坡上植树。 通讯员 李华 摄');
    expect(a.figures).toEqual([{ caption: '市民在山坡上植树。', credit: '通讯员 李华 摄' }]);
  });
});
