import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Generated page transcripts for the importer's property test and benchmark. A page is built
 * from well-formed articles (sentences of the sample and sentences assembled from a word list),
 * then scarred the way print layouts scar transcripts: paragraphs cut at random points into
 * column fragments, a caption or a lead dropped into a cut, ASCII punctuation shuffled in, a
 * stray space before a quote, the credit line between articles, the kicker merged into the
 * headline. Alongside the transcript it returns what a correct import must give back, known
 * before the scars are made, never worked out from the importer or a copy of its rules.
 *
 * No vitest or fast-check here: the benchmark script imports this file too.
 */

/** A deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

const sampleDir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), 'samples/2023-07-02-A03');

/**
 * Whole sentences of the sample's body, full-width, that start with no date and hold only
 * balanced quotes: real text with real quotation habits.
 */
function sampleSentences(): string[] {
  let text = '';
  try {
    text = readFileSync(path.join(sampleDir, 'transcript.txt'), 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!/^[\p{Script=Han}“]/u.test(line) || line.startsWith('#')) continue;
    const full = line.replace(/,/g, '，').replace(/:/g, '：').replace(/\?/g, '？');
    for (const s of full.match(/[^。？！]+[。？！]”?/gu) ?? []) {
      const opens = (s.match(/[“‘]/g) ?? []).length;
      const closes = (s.match(/[”’]/g) ?? []).length;
      if (opens === closes && s.length >= 10 && !/^\d/.test(s) && !s.includes(' ')) out.push(s);
    }
  }
  return out;
}

const SUBJECTS = ['市民', '该区', '街道办事处', '社区党委', '专家学者', '企业代表', '志愿者', '工作人员', '参赛选手', '村民们', '合作社', '研究团队'];
const VERBS = ['推进', '建设', '完善', '组织', '开展', '举办', '参加', '推动', '打造', '实施', '优化', '培育'];
const OBJECTS = ['基层治理体系', '便民服务中心', '智慧城市平台', '职业技能培训', '社区文化活动', '数字经济项目', '养老服务网络', '乡村振兴工程', '文明实践站', '科技创新中心'];
const EXTRAS = ['5G基站', '3D打印', 'CBD', '“2+1+N+X”机制', 'AI助手', 'GDP', 'App'];
const NAMES = ['张萌', '李健', '王小明', '赵清华', '孙国栋', '刘亚男', '陈思远', '欧阳晓', '周婷', '吴海'];
const PLACES = ['济南市历下区', '青岛市市南区', '淄博市张店区', '烟台市芝罘区', '潍坊市奎文区'];
const EVENTS = ['职业技能大赛', '文化惠民演出', '科技成果展', '就业招聘会', '志愿服务月'];
const SLOGANS = ['共创美好未来 共享美好生活', '绿水青山 美丽家园', '科技引领 创新发展'];

/** One well-formed sentence: full-width punctuation, balanced quotes, no date at its start. */
function sentence(rand: Rand, pool: readonly string[]): string {
  const kind = rand();
  if (pool.length > 0 && kind < 0.3) return pick(rand, pool);
  const clause = () => `${pick(rand, SUBJECTS)}${pick(rand, VERBS)}${pick(rand, OBJECTS)}`;
  const number = () => pick(rand, [`${int(rand, 2, 999)}个`, `${int(rand, 1, 99)}.${int(rand, 1, 9)}万`, `${int(rand, 10, 99)}%`, `${int(rand, 2, 60)}项`]);
  const end = pick(rand, ['。', '。', '。', '！', '？']);
  if (kind < 0.45) return `“${clause()}，${clause()}${end}”${pick(rand, NAMES)}说。`;
  if (kind < 0.55) return `${clause()}，以“${pick(rand, SLOGANS)}”为主题，${clause()}${number()}。`;
  if (kind < 0.65) return `${clause()}（含${pick(rand, EXTRAS)}），${clause()}：${clause()}；${clause()}${end}`;
  if (kind < 0.75) return `${pick(rand, NAMES)}表示，要把“${pick(rand, OBJECTS)}”做成“${pick(rand, SUBJECTS)}‘${pick(rand, VERBS)}’的好帮手”${end}`;
  return `${clause()}，${pick(rand, EXTRAS)}${clause()}${number()}，${clause()}${end}`;
}

export interface ExpectedArticle {
  kicker?: string;
  headline: string;
  lead?: string;
  byline: Array<{ role: string; names: string[]; mark?: string }>;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  figures: Array<{ caption: string }>;
}

export interface CutStats {
  /** Column breaks made. */
  total: number;
}

export interface GeneratedPage {
  transcript: string;
  /**
   * What the page says, known before any scar: credits, and per article the headline stack,
   * lead, byline, figures and sections with their paragraphs as written (uncut).
   */
  expected: { credits: Array<{ role: string; names: string[] }>; articles: ExpectedArticle[] };
  /** The paragraphs as written, before any cut. */
  originals: string[];
  cuts: CutStats;
}

/** Sentence-final marks (GB/T 15834): a cut right after one may be a real paragraph end. */
export const SENTENCE_FINAL = '。！？…”’」』!?.';

/**
 * Lays the importer's paragraphs of one section over the paragraphs as written: each written
 * paragraph must come back whole or as consecutive pieces. Returns the cuts left unmended, as
 * [text before, text after], or a description of the first mismatch.
 */
export function alignParagraphs(got: string[], written: string[]): Array<[string, string]> | string {
  const unmended: Array<[string, string]> = [];
  let g = 0;
  for (const paragraph of written) {
    let sofar = got[g++] ?? '';
    while (sofar !== paragraph) {
      const next = got[g++];
      if (next === undefined || !paragraph.startsWith(sofar + next)) return `the paragraph as written “${paragraph}” came back as “${sofar}” then “${next ?? '(nothing)'}”`;
      unmended.push([sofar, next]);
      sofar += next;
    }
  }
  return g === got.length ? unmended : `extra paragraphs: ${got.slice(g).join(' | ')}`;
}

const ASCII: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };
const isChinese = (ch: string | undefined) => ch !== undefined && /[\p{Script=Han}“”‘’、，。：；！？（）《》…—]/u.test(ch);

/**
 * Shuffles ASCII marks into a fragment: a full-width mark becomes ASCII when a neighbour inside
 * the fragment is Chinese (so the mark still touches Chinese text where the importer sees it);
 * brackets change in pairs. Once in a while a stray space goes before an opening quote.
 */
function scar(rand: Rand, fragment: string, rate: number): string {
  const chars = [...fragment];
  const pairs: Array<[number, number]> = [];
  const stack: number[] = [];
  chars.forEach((c, i) => {
    if (c === '（') stack.push(i);
    if (c === '）' && stack.length > 0) pairs.push([stack.pop()!, i]);
  });
  for (const [open, close] of pairs) {
    if (rand() < rate && (isChinese(chars[open - 1]) || isChinese(chars[close + 1]))) [chars[open], chars[close]] = ['(', ')'];
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if ('，：；？！'.includes(c) && rand() < rate && (isChinese(chars[i - 1]) || isChinese(chars[i + 1]))) chars[i] = ASCII[c]!;
  }
  let out = chars.join('');
  if (rand() < rate / 2) out = out.replace(/(\p{Script=Han})“/u, '$1 “');
  return out;
}

export interface GenerateOptions {
  /** Probability that a paragraph is cut; each cut paragraph gets 1–3 cuts. */
  cutRate?: number;
  /** Probability that a full-width mark is keyed in ASCII. */
  asciiRate?: number;
  /** Articles per page. */
  articles?: number;
}

const pool = sampleSentences();

/** Generates one scarred page transcript and the import it must give back. */
export function generatePage(seed: number, options: GenerateOptions = {}): GeneratedPage {
  const rand = prng(seed);
  const cutRate = options.cutRate ?? 0.6;
  const asciiRate = options.asciiRate ?? 0.5;
  const articleCount = options.articles ?? int(rand, 1, 3);
  const lines: string[] = ['', ''];
  const expected: GeneratedPage['expected'] = { credits: [], articles: [] };
  const originals: string[] = [];
  const cuts: CutStats = { total: 0 };
  const creditAt = int(rand, 0, articleCount);
  const credits = [
    { role: '编辑', names: [pick(rand, NAMES)] },
    { role: '美编', names: [pick(rand, NAMES)] },
    { role: '组版', names: [pick(rand, NAMES)] },
  ].sort(() => rand() - 0.5);
  const creditLine = credits.map((c) => `${c.role}:${c.names.join(' ')}`).join(' ');

  for (let a = 0; a < articleCount; a++) {
    if (a === creditAt) lines.push(creditLine, '');
    const number = int(rand, 100, 999);
    const place = pick(rand, PLACES);
    const event = pick(rand, EVENTS);
    const day = int(rand, 1, 28);
    const headline = `${place}${event}${number}人参与`;
    const kicker = rand() < 0.5 ? `第${int(rand, 2, 9)}届${pick(rand, PLACES)}${pick(rand, EVENTS)}暨${pick(rand, EVENTS)}开幕` : undefined;
    const caption = `${day}日上午，${place}举办${event}。`;
    const lead = `${int(rand, 1, 12)}月${day}日上午，${place}举办${event}，共有${number}人参与。${sentence(rand, [])}`;
    const photo = rand() < 0.5;
    const byline = [
      { role: '记者', names: [pick(rand, NAMES)], ...(photo && { mark: '文/片' }) },
      { role: '通讯员', names: [pick(rand, NAMES), pick(rand, NAMES)].filter((n, i, all) => all.indexOf(n) === i) },
    ];
    // Either the lead stands before the byline and a caption is dropped, or the lead is dropped.
    const dropped = rand() < 0.5 ? 'caption' : 'lead';
    const article: ExpectedArticle = { headline, byline, sections: [], figures: [] };
    if (kicker) article.kicker = kicker;
    article.lead = lead;
    if (dropped === 'caption') article.figures.push({ caption });

    lines.push(`# ${kicker ? `${kicker} ${headline}` : headline}`, '');
    if (dropped === 'caption') lines.push(scar(rand, lead, asciiRate), '');
    lines.push(...byline.map((b, i) => `${b.mark ? `${b.mark} ` : ''}${b.role} ${b.names.join(' ')}${i < byline.length - 1 ? '  ' : ''}`), '');

    let droppedPlaced = false;
    const sectionCount = int(rand, 1, 3);
    for (let s = 0; s < sectionCount; s++) {
      const heading = rand() < 0.5 ? `${pick(rand, VERBS)}${pick(rand, OBJECTS)} ${pick(rand, VERBS)}${pick(rand, OBJECTS)}` : `${pick(rand, OBJECTS)}显成效`;
      const section = { heading, paragraphs: [] as string[] };
      lines.push(`### ${heading}`, '');
      const paragraphCount = int(rand, 1, 4);
      for (let p = 0; p < paragraphCount; p++) {
        const paragraph = Array.from({ length: int(rand, 1, 4) }, () => sentence(rand, pool)).join('');
        originals.push(paragraph);
        const chars = [...paragraph];
        // Cut points: never next to a space (a transcript line is trimmed), at most 3.
        const points = new Set<number>();
        if (rand() < cutRate) {
          for (let k = int(rand, 1, 3); k > 0; k--) {
            const at = int(rand, 1, chars.length - 1);
            if (chars[at] !== ' ' && chars[at - 1] !== ' ') points.add(at);
          }
        }
        const sorted = [...points].sort((x, y) => x - y);
        const fragments = [0, ...sorted].map((start, i) => chars.slice(start, sorted[i] ?? chars.length).join(''));
        cuts.total += fragments.length - 1;
        section.paragraphs.push(paragraph);
        fragments.forEach((fragment, i) => {
          lines.push(scar(rand, fragment, asciiRate), '');
          if (i < fragments.length - 1 && !droppedPlaced && rand() < 0.5) {
            droppedPlaced = true;
            const block = scar(rand, dropped === 'caption' ? caption : lead, asciiRate);
            // Usually the layout's scar, a run of blank lines on one side of the dropped block;
            // inside a cut in mid-sentence, sometimes no scar at all: the interrupted sentence is enough.
            const hint = rand();
            if (!SENTENCE_FINAL.includes(fragment.slice(-1)) && hint < 0.3) lines.push(block, '');
            else if (hint < 0.65) lines.push('', '', block, '');
            else lines.push(block, '', '', '');
          }
        });
      }
      article.sections.push(section);
    }
    if (!droppedPlaced) {
      // No cut to drop into: the block goes between two paragraphs, still set off by blank lines.
      lines.splice(lines.length - 1, 0, '', '', scar(rand, dropped === 'caption' ? caption : lead, asciiRate), '', '');
    }
    expected.articles.push(article);
  }
  if (creditAt === articleCount) lines.push(creditLine, '');
  expected.credits = credits;
  return { transcript: lines.join('\n').replace(/\n+$/, ''), expected, originals, cuts };
}
