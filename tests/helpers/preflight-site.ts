import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * A scratch issue with one of each pre-press problem planted, and nothing else wrong: three
 * pages of the fixture site's tabloid (6 basic columns). The expectations say which file each
 * problem must be reported against.
 */
export const PLANTED = { date: '2024-05-20' } as const;

const repeat = (text: string, n: number) => Array.from({ length: n }, () => text).join('');
const PARAGRAPH = '社区党组织牵头成立议事会，居民代表、物业和驻区单位每月坐在一起商量小区的大事小情，问题当场认领、限时办结。';

/** `content/2024-05-20/...` → text. */
export const PLANTED_FILES: Record<string, string> = {
  // Page 1: no credit line; its articles carry the content problems and the narrow-headline one.
  // The lead's second figure is a photo five times as tall as it is wide (shaft.png): it cannot
  // split across body columns, so they cannot end level.
  'P1.yaml': 'date: 2024-05-20\nnumber: P1\nsection: 社区\n',
  'p1-lead.md': `---
page: P1
order: 1
headline: "老旧小区加装电梯𠮷事办成"
byline:
  - role: 记者
    names: [王小明]
figures:
  - caption: "5月19日，居民乘坐新装的电梯下楼。"
  - caption: "新装的电梯井。"
    image: ./shaft.png
    alt: "电梯井"
---

${repeat(PARAGRAPH, 3)}

加装电梯的方案经过三轮公示，居民的的意见全部得到回应。${PARAGRAPH}

${repeat(PARAGRAPH, 2)}
`,
  'p1-narrow.md': `---
page: P1
order: 2
headline: "全市首批二十四个城市更新试点片区改造方案通过专家评审并向社会公开征求意见"
byline:
  - role: 通讯员
    names: [李华]
placement:
  columns: 2
---

${repeat(PARAGRAPH, 2)}
`,
  'p1-quote.md': `---
page: P1
order: 3
headline: "夜市开市"
---

摊主说：“今年的客流比去年多了一倍。${PARAGRAPH}

${PARAGRAPH}
`,
  'p1-again.md': `---
page: P1
order: 4
headline: "夜市开市"
byline:
  - role: 记者
    names: [张伟]
---

${PARAGRAPH}
`,
  // Page 2: a body with runs that cannot break, a long one, and far too much text for one sheet.
  'P2.yaml': 'date: 2024-05-20\nnumber: P2\nsection: 要闻\ncredits:\n  - role: 编辑\n    names: [陈静]\n',
  'p2-long.md': `---
page: P2
order: 1
headline: "城市更新行动全面铺开"
byline:
  - role: 记者
    names: [周明]
---

更多信息请登录www.example.gov.cn查询，或拨打12345678901咨询。改造涉及的ABCDEFGHIJKLM编号见附表，居民可扫码登录https://example.org/renewal/2024查看详情。

${Array.from({ length: 60 }, () => repeat(PARAGRAPH, 3)).join('\n\n')}
`,
  // Page 3: one short article on a whole sheet.
  'P3.yaml': 'date: 2024-05-20\nnumber: P3\nsection: 副刊\ncredits:\n  - role: 编辑\n    names: [刘洋]\n',
  'p3-short.md': `---
page: P3
order: 1
headline: "槐花开了"
byline:
  - role: 记者
    names: [孙丽]
---

${PARAGRAPH}
`,
};

/** Writes the planted issue into `contentDir`. */
export async function plantIssue(contentDir: string): Promise<string> {
  const dir = path.join(contentDir, PLANTED.date);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(PLANTED_FILES)) await writeFile(path.join(dir, name), text);
  await sharp({ create: { width: 120, height: 600, channels: 3, background: '#8a8f94' } }).png().toFile(path.join(dir, 'shaft.png'));
  return dir;
}
