/**
 * A synthetic archive for the build benchmark (`npm run bench`) and the incremental-build
 * tests: N daily issues of 8 pages each (A01 the front page), 3–9 articles a page (mean about
 * 5.7, so a year is about 2,920 pages and 16,700 articles, like a real daily), written in the
 * importer's canonical format (src/importer/serialize.ts) into a content folder outside the
 * repository's own `content/`.
 *
 * The text is made of the sample edition's own sentences and clauses (content/2023-07-02/),
 * so it has real Chinese news vocabulary and punctuation to break around. Lengths follow a
 * printed page: the lead article 1,500–3,000 characters with section heads, the others
 * 200–1,400; kickers on a third of the articles, decks on half, leads on most lead articles;
 * a figure on one article in three, without an image file (as from a transcript). Everything
 * is derived from a seeded generator: the same N gives the same bytes.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bodyText, parseBody } from '../../src/model/body.ts';
import { serializeArticle, serializePage } from '../../src/importer/serialize.ts';
import type { ImportedArticle, ImportedSection } from '../../src/importer/types.ts';

const SAMPLE = path.join(import.meta.dirname, '../../content/2023-07-02');

/** The first issue's date; issue i is i days later. */
export const FIRST_DATE = '2023-01-01';

const SECTIONS = ['要闻', '要闻', '城事', '经济', '民生', '文体', '区县', '副刊'];
const NAMES = ['王小明', '李华', '张伟', '刘亚男', '陈静', '周明', '赵磊', '孙丽', '夏侯凤超', '欧阳晓'];
const ROLES = ['记者', '记者', '通讯员'];
const HEADS = ['突出固本培元 夯实治理根基', '聚焦末梢赋能', '数字智慧化赋能', '服务多元化保障', '手艺有了新传人', '应急管理扁平化联动'];

export interface Corpus {
  sentences: string[];
  clauses: string[];
}

/** Sentences and clauses of the sample edition. */
export async function readCorpus(): Promise<Corpus> {
  const sentences: string[] = [];
  for (const file of (await readdir(SAMPLE)).filter((f) => f.endsWith('.md')).sort()) {
    const raw = await readFile(path.join(SAMPLE, file), 'utf8');
    const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(raw)?.[1] ?? '') as Record<string, unknown>;
    const text = [String(front.lead ?? ''), ...bodyText(parseBody(raw.replace(/^---\n[\s\S]*?\n---\n/, '')))].join('');
    // A sentence ends at 。！？ (and a closing quotation mark right after it).
    sentences.push(...(text.match(/[^。！？]+[。！？]+[”’」』]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length >= 8));
  }
  const clauses = sentences
    .flatMap((s) => s.split(/[，。；：！？、“”]/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 4 && s.length <= 18);
  return { sentences, clauses };
}

/** A small deterministic generator (an LCG): the same seed gives the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** The date `days` after FIRST_DATE, as YYYY-MM-DD. */
export function issueDate(index: number): string {
  const date = new Date(`${FIRST_DATE}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + index);
  return date.toISOString().slice(0, 10);
}

const pageNumber = (p: number) => `A${String(p + 1).padStart(2, '0')}`;

function article(rnd: () => number, corpus: Corpus, lead: boolean): ImportedArticle {
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const text = (min: number, max: number) => {
    let s = pick(corpus.clauses);
    while (s.length < min) s += (rnd() < 0.5 ? ' ' : '') + pick(corpus.clauses);
    return Array.from(s).slice(0, max).join('').trim();
  };
  const target = lead ? 1500 + rnd() * 1500 : 200 + rnd() * 1200;
  const sections: ImportedSection[] = [];
  let length = 0;
  let section: ImportedSection = { paragraphs: [] };
  sections.push(section);
  while (length < target) {
    if (lead && section.paragraphs.length >= 3 && rnd() < 0.3) {
      section = { heading: pick(HEADS), paragraphs: [] };
      sections.push(section);
    }
    const count = 1 + Math.floor(rnd() * 3);
    const paragraph = Array.from({ length: count }, () => pick(corpus.sentences)).join('');
    section.paragraphs.push(paragraph);
    length += paragraph.length;
  }
  const names = [pick(NAMES)];
  if (rnd() < 0.3) names.push(pick(NAMES));
  return {
    ...(rnd() < 0.33 ? { kicker: text(6, 16) } : {}),
    headline: text(lead ? 10 : 6, lead ? 24 : 18),
    ...(rnd() < 0.5 ? { deck: text(8, 22) } : {}),
    ...(lead && rnd() < 0.8 ? { lead: Array.from({ length: 2 }, () => pick(corpus.sentences)).join('') } : {}),
    byline: [{ role: pick(ROLES), names }],
    sections,
    figures: rnd() < 0.33 ? [{ caption: pick(corpus.sentences), credit: `记者 ${pick(NAMES)} 摄` }] : [],
  };
}

export interface ArchiveShape {
  /** Pages per issue (default 8, as a daily's A01–A08). */
  pages?: number;
}

/** The files of issue `index` (content-relative path → text). */
export function issueFiles(index: number, corpus: Corpus, { pages = SECTIONS.length }: ArchiveShape = {}): Map<string, string> {
  const rnd = random(0x9e3779b9 ^ (index * 2654435761));
  const date = issueDate(index);
  const files = new Map<string, string>();
  for (let p = 0; p < pages; p++) {
    const number = pageNumber(p);
    const credits = [
      { role: '编辑', names: [NAMES[(index + p) % NAMES.length]!] },
      { role: '美编', names: [NAMES[(index + p + 3) % NAMES.length]!] },
    ];
    let page = serializePage({ date, number, section: SECTIONS[p % SECTIONS.length]!, credits });
    // The importer never writes `front`; a daily's A01 is its front page (masthead).
    if (p === 0) page += 'front: true\n';
    files.set(`${date}/${number}.yaml`, page);
    const count = 3 + Math.floor(rnd() * 7);
    for (let order = 1; order <= count; order++) {
      files.set(`${date}/${number}-${order}.md`, serializeArticle(article(rnd, corpus, order === 1), number, order));
    }
  }
  return files;
}

/** Writes a file atomically (temporary name, then rename), creating its folder. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Writes issue `index` into `contentDir`; returns the number of files. */
export async function writeIssue(contentDir: string, index: number, corpus: Corpus, shape?: ArchiveShape): Promise<number> {
  const files = issueFiles(index, corpus, shape);
  await Promise.all([...files].map(([name, text]) => writeAtomic(path.join(contentDir, name), text)));
  return files.size;
}

/** Writes issues 0 … count-1 into `contentDir`. */
export async function writeArchive(
  contentDir: string,
  count: number,
  corpus?: Corpus,
  shape?: ArchiveShape,
): Promise<{ issues: number; pages: number; articles: number }> {
  const words = corpus ?? (await readCorpus());
  let pages = 0;
  let articles = 0;
  for (let i = 0; i < count; i++) {
    const files = issueFiles(i, words, shape);
    for (const name of files.keys()) name.endsWith('.yaml') ? pages++ : articles++;
    await Promise.all([...files].map(([name, text]) => writeAtomic(path.join(contentDir, name), text)));
  }
  return { issues: count, pages, articles };
}
