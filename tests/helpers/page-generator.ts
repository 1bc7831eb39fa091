import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { articleSchema, type ArticleData } from '../../src/schemas/index.ts';
import { parseBody, type BodySection } from '../../src/model/body.ts';
import { sheetLines } from '../../src/print-layout/sheet.ts';
import { prng } from './importer-generate.ts';

/**
 * Generated newspaper pages for the page make-up tests and `npm run bench:layout`: 2–14
 * articles of mixed lengths (briefs of a sentence or two up to long features with section
 * heads), with and without kickers, decks, leads and figures, from a seed. The text is made
 * of news sentences with the sample's punctuation habits (quotes, enumeration commas,
 * numbers, brackets), so line breaking meets what a real page gives it. Pages come in
 * three amounts of copy: about the sheet's capacity (most), well short of it and over it,
 * the way a make-up editor receives them.
 *
 * No vitest here: the benchmark script imports this file too.
 */

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** News sentences: the first ten are the sample's own, the rest in its style. */
export const NEWS_SENTENCES = [
  '坚持大抓基层鲜明导向，今年全面开展社区干部“大练兵、大轮训、大比武”。',
  '聚焦网格全覆盖、力量全配备，科学划分1293个网格，配备1300名专职网格员。',
  '“身体的残疾让我对知识和技能有着异于常人的渴望，只有坚持不断地学习，才能让自己跟上时代。”',
  '目前，我们已建成5G基站5919个，大数据规模以上企业实现营收105.5亿元。',
  '完善“2+1+N+X”网格工作联动机制，推动社区“两委”、志愿者等1.1万余人“入网入格”。',
  '线上邀请6家优质企业做客直播间，直播总时长超两小时，线上围观达74.5万人次。',
  '她希望在未来的展能节，能有更多有才华、有智慧的残疾人涌现！',
  '为什么要这样做？因为“最后一米”的服务，决定了群众的获得感（记者注）。',
  '在济南展区，记者注意到现场作画的孙国栋：坐在轮椅上的他，上身前倾，聚精会神地进行绘画；',
  '屏幕上不断闪现“画得太好了”“真是不可思议”等评价。',
  '据了解，今年上半年全市新增城镇就业7.6万人，城镇登记失业率控制在3%以内。',
  '活动现场，工作人员耐心解答群众咨询，发放宣传资料2000余份。',
  '下一步，该区将继续深化改革，推动各项政策措施落地见效。',
  '“以前办事要跑好几个窗口，现在一次就办好了。”市民王女士说。',
  '项目总投资约12亿元，建成后可新增停车位1800个，有效缓解周边停车难问题。',
  '近年来，当地依托特色资源，大力发展乡村旅游，带动村民增收致富。',
];
const HEAD_WORDS = ['全市', '社区', '网格', '服务', '管理', '实现', '全覆盖', '春季', '义诊', '走进', '老街', '非遗', '工坊', '公交', '线路', '调整', '运营', '时间', '乡村', '振兴', '产业', '升级', '夜经济', '点亮', '城市', '新名片', '残疾人', '展能节', '开幕', '科技', '创新', '赋能', '高质量', '发展'];
const KICKERS = ['深化基层治理改革 推动高质量发展', '便民', '聚焦民生实事', '奋进新征程', '一线见闻', '图片新闻', '关注'];
const DECKS = ['1293个网格配齐专职网格员 民生实事办理5.7万件', '剪纸、面塑、葫芦雕刻吸引市民体验', '十大工程全部开工', '首批42家单位挂牌', '覆盖全部街道和乡镇'];
const HEADS = ['网格精细化治理', '数字智慧化赋能', '服务多元化保障', '应急管理扁平化联动', '手艺有了新传人', '下一步怎么走'];
const NAMES = ['王小明', '李华', '张伟', '周明', '陈静', '刘洋', '赵清华', '孙丽'];

export interface GeneratedArticle {
  /** File name in the issue folder. */
  file: string;
  slug: string;
  /** The Markdown file: front matter and body. */
  text: string;
}

export interface GeneratedPage {
  seed: number;
  date: string;
  number: string;
  articles: GeneratedArticle[];
}

function headline(rand: Rand): string {
  const words: string[] = [];
  const length = int(rand, 6, 16);
  while (words.join('').length < length) words.push(pick(rand, HEAD_WORDS));
  return words.join('');
}

function paragraph(rand: Rand, chars: number): string {
  let out = '';
  while (Array.from(out).length < chars) out += pick(rand, NEWS_SENTENCES);
  return out;
}

/** Body lengths of a page's articles, in characters: the lead the longest, the rest mixed. */
function lengths(rand: Rand, count: number, total: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => {
    if (i === 0) return 2.5 + rand() * 2;
    const kind = rand();
    return kind < 0.3 ? 0.15 + rand() * 0.3 : kind < 0.7 ? 0.6 + rand() * 0.8 : 1.5 + rand() * 1.5;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) => Math.max(i === 0 ? 300 : 40, Math.round((total * w) / sum)));
}

/** One generated page from `seed`: the same seed always gives the same page. */
export function generatePage(seed: number, date = '2025-05-20', number = `G${seed}`): GeneratedPage {
  const rand = prng(seed * 7919 + 17);
  const count = int(rand, 2, 14);
  // The sheet holds 10 characters a line in each of its 8 columns; each article's headline
  // stack, byline and the space around it take about the room of 280 characters.
  const capacity = Math.max(1500, sheetLines('broadsheet') * 8 * 10 * 0.92 - count * 280);
  const amount = rand();
  const total = capacity * (amount < 0.15 ? 0.45 + rand() * 0.3 : amount < 0.85 ? 0.85 + rand() * 0.25 : 1.15 + rand() * 0.3);
  const articles = lengths(rand, count, total).map((chars, i): GeneratedArticle => {
    const order = i + 1;
    const front: Record<string, unknown> = { page: number, order };
    if (rand() < 0.35) front.kicker = pick(rand, KICKERS);
    front.headline = headline(rand);
    if (rand() < (i === 0 ? 0.7 : 0.3)) front.deck = pick(rand, DECKS);
    if (chars > 500 && rand() < (i === 0 ? 0.6 : 0.3)) front.lead = paragraph(rand, int(rand, 50, 130));
    front.byline = [{ role: rand() < 0.7 ? '记者' : '通讯员', names: [pick(rand, NAMES)] }];
    if (chars > 400 && rand() < 0.3) {
      front.figures = Array.from({ length: int(rand, 1, 2) }, () => ({ caption: paragraph(rand, int(rand, 12, 40)), ...(rand() < 0.5 ? { credit: `记者 ${pick(rand, NAMES)} 摄` } : {}) }));
    }
    // Slugs unique within the issue: several generated pages share one date.
    front.slug = `${number.toLowerCase()}-${order}`;
    const parts: string[] = [];
    const paragraphs = Math.max(1, Math.round(chars / int(rand, 90, 220)));
    const heads = chars > 1500 ? int(rand, 0, 3) : 0;
    for (let p = 0; p < paragraphs; p++) {
      if (heads > 0 && p > 0 && p % Math.ceil(paragraphs / (heads + 1)) === 0) parts.push(`### ${pick(rand, HEADS)}`);
      parts.push(paragraph(rand, chars / paragraphs));
    }
    return { file: `${number}-${order}.md`, slug: front.slug as string, text: `---\n${stringify(front)}---\n\n${parts.join('\n\n')}\n` };
  });
  return { seed, date, number, articles };
}

/** Writes pages into `contentDir/<date>/`, one page file and its articles each. */
export async function writePages(contentDir: string, pages: GeneratedPage[]): Promise<void> {
  for (const page of pages) {
    const dir = path.join(contentDir, page.date);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${page.number}.yaml`), `date: "${page.date}"\nnumber: "${page.number}"\nsection: 综合\ncredits:\n  - role: 编辑\n    names: [陈静]\n`);
    for (const article of page.articles) await writeFile(path.join(dir, article.file), article.text);
  }
}

/** A generated article read back through the real schema and body parser. */
export function readGenerated(article: GeneratedArticle): { slug: string; data: ArticleData; sections: BodySection[] } {
  const [, front, text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(article.text)!;
  const data = articleSchema.parse(parseYaml(front!));
  return { slug: article.slug, data, sections: parseBody(text!) };
}
