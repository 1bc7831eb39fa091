/**
 * Suspected typos, flagged and never changed (samples/2023-07-02-A03/ANATOMY.md D13): a doubled Han character such
 * as `残疾人人群体`. Chinese doubles characters on purpose too (等等, 天天, 渐渐, and compounds
 * that meet on the same character, 中国|国家), so a doubling is flagged only when it is not a
 * common reduplicated word and the segmenter does not start a word at its second character.
 */

/** Reduplicated words that are almost always meant (人人 everyone, 家家户户 every household). */
const REDUPLICATIONS = new Set(
  ('人人 等等 天天 常常 渐渐 慢慢 刚刚 纷纷 年年 处处 个个 家家 户户 往往 仅仅 默默 久久 多多 谢谢 看看 ' +
    '一一 层层 步步 事事 时时 深深 稳稳 满满 明明 悄悄 轻轻 静静 偷偷 频频 连连 匆匆 哈哈 妈妈 爸爸 ' +
    '哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 宝宝 星星 点点 片片 条条 样样 句句 声声 代代 世世 生生 源源 滚滚 ' +
    '熊熊 茫茫 井井 津津 堂堂 欣欣 蒸蒸 勃勃 孜孜 兢兢 徐徐 缓缓 累累 重重 早早 好好 大大 小小 ' +
    '高高 紧紧 牢牢 实实 细细 足足 整整 区区 种种 每每 偏偏 恰恰 淡淡 浓浓 红红 绿绿 白白 熙熙 攘攘 ' +
    '朗朗 济济 赫赫 芸芸 莘莘 历历 比比 念念 依依 洋洋 郁郁 葱葱 闪闪 日日 夜夜 月月 岁岁 分分 秒秒 ' +
    '刻刻 头头 面面 方方 双双 对对 三三 两两 万万 千千 统统 通通 稍稍 略略 隐隐 微微 暗暗 亲亲 ' +
    '乐乐 奔奔 丁丁 冬冬 乎乎 然然 蹦蹦 跳跳 说说 聊聊 走走 想想 试试 问问 听听 尝尝 等等').split(' '),
);

/**
 * A reduplicated word is still a slip when the character after it makes its second half a
 * word of its own: 残疾人人群体 is 残疾人 + 人群体 with 人 keyed twice. The word segmenter
 * cannot tell (it reads 残疾|人人|群体), so the known slips are listed: reduplication → the
 * characters that, right after it, make it a slip.
 */
const SLIP_AFTER: Record<string, string> = { 人人: '群' };

const DOUBLED = /(\p{Script=Han})\1/gu;

let segmenter: Intl.Segmenter | undefined;

export interface SuspectedTypo {
  /** The doubled character. */
  char: string;
  /** A few characters around it, for the report. */
  context: string;
}

/** Finds suspected doubled characters in one piece of text. */
export function findDoubledCharacters(text: string): SuspectedTypo[] {
  const found: SuspectedTypo[] = [];
  for (const match of text.matchAll(DOUBLED)) {
    const pair = match[0];
    const at = match.index;
    // At the end of the text nothing follows to make a slip of it (and ''.includes('') is true).
    const next = text[at + pair.length];
    const slip = next !== undefined && SLIP_AFTER[pair]?.includes(next) === true;
    if (REDUPLICATIONS.has(pair) && !slip) continue;
    const start = Math.max(0, at - 4);
    const window = text.slice(start, at + pair.length + 4);
    const join = at - start + pair.length / 2;
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    const segments = [...segmenter.segment(window)];
    // 中国|国家, 代表团|团体: the second character starts a word of its own, so the doubling
    // is two words meeting. 残疾|人人|群体 and 我们|们 are not.
    const right = segments.find((s) => s.index === join);
    if (right && right.isWordLike && right.segment.length > 1) continue;
    found.push({ char: match[1]!, context: window });
  }
  return found;
}
