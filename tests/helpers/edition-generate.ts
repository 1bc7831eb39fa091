import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SENTENCES, writeGeneratedPage } from './generated-page.ts';
import { writeHostilePage } from './hostile-page.ts';

/**
 * A generated edition of several issues for the site-wide checks (routes, archive, search
 * filters, feeds, publishing checks): four dailies from 29 December 2023 to 2 January 2024,
 * across a month end and a year end, with no issue on 31 December, three pages each; plus the
 * fixture site's own issue of 15 January 2024 and the generated four-article page of 8 March
 * 2024 (generated-page.ts), and beside it a page of hostile content (hostile-page.ts). Written into a scratch copy of the fixture site (tabloid, base
 * `/paper/`). Deterministic: the same files every run.
 */

export const EDITION_ISSUES = ['2023-12-29', '2023-12-30', '2024-01-01', '2024-01-02'] as const;

export interface GeneratedPage {
  number: string;
  section: string;
  front?: boolean;
  articles: number;
}

export const EDITION_PAGES: GeneratedPage[] = [
  { number: 'A01', section: '要闻', front: true, articles: 3 },
  { number: 'A02', section: '城市', articles: 2 },
  { number: 'A03', section: '体育', articles: 2 },
];

/** A word per issue that only that issue's front article has, for search filter tests. */
export const ISSUE_WORDS: Record<(typeof EDITION_ISSUES)[number], string> = {
  '2023-12-29': '冬至',
  '2023-12-30': '冰灯',
  '2024-01-01': '元旦',
  '2024-01-02': '腊八',
};

const HEADLINES = ['全市网格员走访万户居民', '老城区非遗工坊迎来新学员', '十条公交线路调整运营时间', '社区义诊走进老街', '冬季长跑赛鸣枪开跑', '残疾人运动员再创佳绩', '泉水节筹备工作启动'];

function body(seed: number, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (p === 1) out.push('### 小标题：服务群众');
    out.push(Array.from({ length: 2 + ((seed + p) % 3) }, (_, i) => SENTENCES[(seed * 3 + p * 5 + i) % SENTENCES.length]).join(''));
  }
  return `${out.join('\n\n')}\n`;
}

function article(date: string, page: GeneratedPage, order: number, seed: number): string {
  const front = page.front && order === 1;
  const word = ISSUE_WORDS[date as keyof typeof ISSUE_WORDS] ?? '今日';
  const headline = front ? `${word}时节 ${HEADLINES[seed % HEADLINES.length]}` : HEADLINES[seed % HEADLINES.length]!;
  const lines = [
    '---',
    `page: ${page.number}`,
    `order: ${order}`,
    ...(seed % 2 === 0 ? [`kicker: "${page.section}速递"`] : []),
    `headline: "${headline}"`,
    ...(seed % 3 !== 1 ? [`deck: "${SENTENCES[seed % SENTENCES.length]!.slice(0, 16).replace(/[，。“”"]/g, '')}"`] : []),
    ...(front ? [`lead: "${word}将至，记者从有关部门获悉：${SENTENCES[(seed + 1) % SENTENCES.length]}"`] : []),
    'byline:',
    `  - role: 记者`,
    `    names: [${['王小明', '李华', '张伟', '周明'][seed % 4]}]`,
    ...(seed % 4 === 0 ? ['  - role: 通讯员', '    names: [陈静, 刘洋]'] : []),
    ...(front ? ['tags: [民生]'] : []),
    '---',
    '',
  ];
  return `${lines.join('\n')}${body(seed, 2 + (seed % 4))}`;
}

/**
 * Writes issues of the given dates, each with `pages`, into the content folder of the site
 * at `root`; returns the number of articles written. The benchmark (scripts/bench-search.ts)
 * uses it for a larger edition.
 */
export async function writeIssues(root: string, dates: readonly string[], pages: readonly GeneratedPage[]): Promise<number> {
  let seed = 0;
  for (const date of dates) {
    const dir = path.join(root, 'content', date);
    await mkdir(dir, { recursive: true });
    for (const page of pages) {
      await writeFile(
        path.join(dir, `${page.number}.yaml`),
        `date: "${date}"\nnumber: "${page.number}"\nsection: "${page.section}"\n${page.front ? 'front: true\n' : ''}credits:\n  - role: 编辑\n    names: [陈静]\n`,
      );
      for (let order = 1; order <= page.articles; order++) {
        await writeFile(path.join(dir, `${page.number.toLowerCase()}-${order}.md`), article(date, page, order, seed++));
      }
    }
  }
  return seed;
}

/** Writes the generated issues (and the generated page) into the site at `root`. */
export async function writeEdition(root: string): Promise<void> {
  await writeIssues(root, EDITION_ISSUES, EDITION_PAGES);
  await writeGeneratedPage(root);
  await writeHostilePage(root);
}
