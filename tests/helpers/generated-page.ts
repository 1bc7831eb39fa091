import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, type ArticleData } from '../../src/schemas/index.ts';
import { parseBody, type BodySection } from '../../src/model/body.ts';
import { NEWS_SENTENCES } from './page-generator.ts';

/**
 * A generated test page, so placement is tested beyond the two sample articles: four
 * articles of very different lengths on one page (a very long lead, one with neither deck nor
 * lead, one with two figures, a short one with a kicker), written into the generated edition
 * (edition-generate.ts: a scratch copy of the fixture site, tabloid, base `/paper/`). The text is
 * made of the sample's own sentences, so it has the same punctuation to break around.
 */

export const GENERATED = { date: '2024-03-08', page: 'B02', base: '/paper/' } as const;

/** The first ten of the page generator's sentences: the sample's own. */
export const SENTENCES = NEWS_SENTENCES.slice(0, 10);

/** A deterministic body of `paragraphs` paragraphs under `heads` section heads. */
function body(paragraphs: number, heads: string[], seed: number): string {
  const out: string[] = [];
  let n = seed;
  for (let p = 0; p < paragraphs; p++) {
    if (heads.length > 0 && p % Math.ceil(paragraphs / heads.length) === 0) out.push(`### ${heads[Math.floor(p / Math.ceil(paragraphs / heads.length))]}`);
    const count = 2 + (n % 4);
    out.push(Array.from({ length: count }, (_, i) => SENTENCES[(n + i * 3) % SENTENCES.length]).join(''));
    n = (n * 7 + 3) % 101;
  }
  return `${out.join('\n\n')}\n`;
}

const ARTICLES: Record<string, string> = {
  'long.md': `---
page: B02
order: 1
kicker: "深化基层治理改革 推动高质量发展"
headline: "全市社区网格化服务管理实现全覆盖"
deck: "1293个网格配齐专职网格员 民生实事办理5.7万件"
lead: "记者从市委组织部获悉，今年以来，全市坚持党建引领，深化网格化服务管理体系改革，推动资源、服务、管理向基层下沉，一批群众“急难愁盼”问题得到解决。"
byline:
  - role: 记者
    names: [王小明]
figures:
  - caption: "3月7日，社区网格员走访辖区居民，了解群众需求。"
    credit: "记者 王小明 摄"
slug: long
---

${body(34, ['网格精细化治理', '数字智慧化赋能', '服务多元化保障', '应急管理扁平化联动'], 1)}`,
  'plain.md': `---
page: B02
order: 2
headline: "春季义诊走进老街社区"
byline:
  - role: 通讯员
    names: [李华]
slug: plain
---

${body(2, [], 5)}`,
  'figures.md': `---
page: B02
order: 3
headline: "非遗工坊里的“新年味”"
deck: "剪纸、面塑、葫芦雕刻吸引市民体验"
lead: "周末，老城区非遗工坊迎来一批特别的学员，市民在传承人指导下体验传统手艺。"
byline:
  - role: 记者
    names: [张伟]
    mark: 文/片
figures:
  - caption: "传承人向小学员演示剪纸技法。"
  - caption: "市民体验葫芦雕刻，作品吸引众人围观。"
slug: figures
---

${body(6, ['手艺有了新传人'], 9)}`,
  'brief.md': `---
page: B02
order: 4
kicker: "便民"
headline: "十条公交线路调整运营时间"
byline:
  - role: 记者
    names: [周明]
slug: brief
---

${body(3, [], 13)}`,
};

/** Writes the generated page into the content folder of a site at `root`. */
export async function writeGeneratedPage(root: string): Promise<void> {
  const dir = path.join(root, 'content', GENERATED.date);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, `${GENERATED.page}.yaml`),
    `date: ${GENERATED.date}\nnumber: ${GENERATED.page}\nsection: 城市\ncredits:\n  - role: 编辑\n    names: [陈静]\n  - role: 美编\n    names: [刘洋]\n`,
  );
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(path.join(dir, name), text);
}

/** The generated articles in reading order, read back through the real schema and body parser. */
export function generatedArticles(): { slug: string; data: ArticleData; sections: BodySection[] }[] {
  return Object.values(ARTICLES).map((file) => {
    const [, front, text] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file)!;
    const data = articleSchema.parse(parseYaml(front!));
    return { slug: data.slug!, data, sections: parseBody(text!) };
  });
}
