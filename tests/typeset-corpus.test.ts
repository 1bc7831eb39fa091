import { describe, expect, it } from 'vitest';
import { lineStarts } from '../src/print-layout/line-breaks.ts';
import { phrases } from '../src/typeset/phrases.ts';

/**
 * Headlines, decks, section heads and clauses of real Chinese news text with their words
 * marked by an editor: the words are separated by spaces (a `_` stands for a space of the
 * text). The marks come from reading the text, not from the phrase breaker, so they are an
 * oracle for "no headline broken inside a word" (clreq: 词语不拆行) that the segmenters'
 * own output cannot give. The first lines are the sample page's; the others come from its
 * articles' bodies, picked where the breaker has a choice to make (lone characters between
 * phrases, number words, short and long quotations).
 */
const CORPUS = [
  '第七届 全国 残疾人 职业 技能 大赛 暨 第四届 全国 残疾人 展能节 落幕',
  '山东省 代表团 团体 总分 238分 获 第一',
  '历下区 “书记论坛” 有 “新” 论',
  '推动 党建 引领 基层 治理 再 升级',
  '1日 上午， 济南市 历下区 举办 党建 引领 基层 治理 “书记论坛”。',
  '19人 获得 “全国技术能手” 荣誉 称号',
  '能工巧匠 显 身手 获 观众 点赞',
  '招聘会 吸引 千余名 残疾人 参加',
  '突出 固本培元 _ 夯实 治理 根基',
  '聚焦 末梢 赋能 _ 畅通 治理 脉络',
  '坚持 一体 融合 _ 激发 治理 活力',
  '为期 三天 的 第七届 全国 残疾人 职业 技能 大赛 暨 第四届 全国 残疾人 展能节 在 济南 落幕',
  '以 高质量 党建 赋能 楼宇 经济 蓬勃 发展',
  '破除 区域 壁垒 与 北京市 朝阳区 建外 街道 结对 共建',
  '应急 保障 等 七大 课程 体系',
  '工业 及 先进 制造业 类',
  '来自 全国 各地 “身怀绝技” 的 残疾人 代表 秀 绝活',
  '区 两级 “优秀 社区 书记 工作室”',
  '他的 作品 售价 从 数百元 到 数千元 不等',
  '备战 期间 也 多次 想过 放弃',
  '惠企 服务 及 营商 环境 评价 等',
  '数字 智慧化 赋能',
  '核心 在 人',
  '如何 更好 践行 “以人民为中心” 的 发展 理念',
  '有效 畅通 了 ‘治理末梢’',
  '她 看到 这么多 和 自己 一样 的 残疾人 朋友们',
  '她 希望 在 未来 的 展能节',
  '还 组织 举办了 残疾人 高质量 就业 创业 座谈会',
  '直播 总时长 超 两小时',
  '此次 招聘会 是 第七届 全国 残疾人 职业 技能 大赛 期间 组织 的 一场 重要 活动',
  '因为 “最后一米” 的 服务',
  '建成 后 可 新增 停车位',
  '在 济南 展区， 记者 注意到 现场 作画 的 孙国栋： 坐在 轮椅 上 的 他，',
  '个 “智库团”',
  '以 高质量 党建 引领 高质量 发展',
  '项目 建成 后 将 新增 两条 地铁 线路',
  '全市 新建 五个 口袋 公园',
  '比 去年 同期 增长 了 三成 以上',
  '决定 了 群众 的 获得感',
  '线下 吸引 了 来自 全省 的 近',
  '“ 身体 的 残疾 让 我 对 知识 和 技能 有着 异于 常人 的 渴望',
  '为什么 要 这样 做？',
];

/**
 * Words the breaker still breaks, each with the width it breaks at ('phrase': at every width).
 * A known failure kept visible: the test fails when one is mended (take it off the list) or a
 * new one appears. 高|质量: a lone 高 joins the phrase before it when that fits (残疾人高), as
 * most lone characters end the word before them. 获得|感: a lone last character always joins
 * the phrase before it, here 8 characters long already, so a line of 8 em breaks inside it.
 */
const KNOWN: Record<string, string> = {
  还组织举办了残疾人高质量就业创业座谈会: '高质量 phrase',
  决定了群众的获得感: '获得感 8',
};

/** Measures in em of the headline text: the narrowest is a phrase's 8 characters (MAX_GLUED). */
const MEASURES = [8, 10, 12];
const LONE = /^[“‘「『（《]*\p{Script=Han}[”’」』）》，、。：；！？]*$/u;

function brokenWords(words: string[]): string[] {
  const text = words.join('');
  const parts = phrases(text);
  const at = (cuts: Iterable<number>) => {
    const set = new Set(cuts);
    const broken: string[] = [];
    let start = 0;
    for (const word of words) {
      for (let k = 1; k < word.length; k++) if (set.has(start + k)) broken.push(word);
      start += word.length;
    }
    return broken;
  };
  let offset = 0;
  const ends = parts.map((p) => (offset += p.length));
  const found = at(ends).map((w) => `${w} phrase`);
  // Every text here is Han and full-width marks only, so line starts (in characters) are UTF-16 offsets.
  for (const measure of MEASURES) for (const w of at(lineStarts(text, measure, { phrases: parts, bold: true }))) found.push(`${w} ${measure}`);
  return [...new Set(found)];
}

describe('phrases on text an editor marked: no word broken', () => {
  const entries = CORPUS.map((line) => line.split(' ').map((w) => (w === '_' ? ' ' : w)));

  it.each(entries.map((words) => [words.join(''), words] as const))('%s', (text, words) => {
    const known = KNOWN[text];
    const broken = brokenWords([...words]).filter((b) => !(known && b.startsWith(known.split(' ')[0]!)));
    expect(broken).toEqual([]);
    // A lone character standing as a phrase is a line of one character waiting to happen.
    const parts = phrases(text);
    expect(parts.join('')).toBe(text);
    expect(parts.filter((p) => parts.length > 1 && LONE.test(p))).toEqual([]);
  });

  it('still breaks the words it is known to break, and only where it is known to', () => {
    for (const [text, what] of Object.entries(KNOWN)) {
      const words = entries.find((w) => w.join('') === text);
      expect(words, `${text} is in the corpus`).toBeDefined();
      expect(brokenWords(words!)).toContain(what);
    }
  });

  it('marks every word once: no empty word, and no character outside the BMP (line starts count characters)', () => {
    for (const words of entries) {
      const text = words.join('');
      expect(Array.from(text).length).toBe(text.length);
      expect(words.every((w) => w.length > 0)).toBe(true);
    }
  });
});
