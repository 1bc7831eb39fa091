import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitBlocks } from '../src/importer/blocks.ts';
import { breakSignals, showsBreak } from '../src/importer/column-breaks.ts';
import { parseCreditLine } from '../src/importer/credits.ts';
import { captionFigure } from '../src/importer/dropped-blocks.ts';
import { ImportError, importTranscript, runIngest } from '../src/importer/index.ts';
import { assertNothingLost } from '../src/importer/nothing-lost.ts';
import { decodeTranscript, readTranscript } from '../src/importer/read-transcript.ts';
import { serializeArticle, serializeImport } from '../src/importer/serialize.ts';
import { findDoubledCharacters } from '../src/importer/typos.ts';
import { MANIFEST_NAME, writeImport } from '../src/importer/write-files.ts';
import { scratchDir } from './helpers/paths.ts';

/**
 * The importer's rules at their edges, each a transcript that a weaker rule would mis-import
 * (found by the importer's Stryker run: `npm run test:mutation -- importer/<file>`; each test
 * was checked to fail with its mutant applied).
 */
const identity = { date: '2024-03-05', page: 'B2', section: '城事' };

/** The ImportError `run` throws: its message and everything it points at (file, line, field). */
function refusal(run: () => unknown): Pick<ImportError, 'message' | 'file' | 'line' | 'field'> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const { message, file, line, field } = error as ImportError;
    return { message, file, line, field };
  }
  throw new Error('nothing was refused');
}

describe('column breaks', () => {
  it('mends a cut inside a quotation even when a stray closing quote (a transcription slip) comes before it', () => {
    // The stray ” must not cancel the “ opened after it: the quotation is still open at the cut.
    const before = '座谈会上，他说完”，又补充道：“这是底线。';
    expect(breakSignals(before, '也是红线。”')).toEqual(['open-quote']);
    const page = importTranscript(['# 市民植树三千棵', '', '记者 王小明', '', before, '', '也是红线。”会议随后结束。'].join('\n'), identity);
    expect(page.articles[0]!.sections).toEqual([{ paragraphs: [`${before}也是红线。”会议随后结束。`] }]);
    // The report shows the join with eight characters on either side.
    expect(page.report.repairs).toEqual([{ kind: 'column-break', line: 5, detail: 'joined lines 5 and 7 into one paragraph (…道：“这是底线。‖也是红线。”会议…): an unclosed quotation mark' }]);
  });

  it('sees no break inside a multi-paragraph quotation with the short-circuit check either', () => {
    expect(showsBreak('“第一，要抓好安全。', '“第二，要抓好服务。”')).toBe(false);
    expect(showsBreak('他说：“第一，要抓好安全。', '也要抓好服务。”')).toBe(true);
  });

  it('sees no break before an empty paragraph, whatever the paragraph before it', () => {
    for (const before of ['他说：“这是底线。', '“第一，要抓好安全。', '市民纷纷前往', '推进经']) {
      expect(breakSignals(before, ''), before).toEqual([]);
      expect(showsBreak(before, ''), before).toBe(false);
    }
  });
});

describe('the nothing-lost guard', () => {
  it('stops an import that would write a character of the transcript twice, saying it would add it', () => {
    // A paragraph written twice (a mend that kept both halves) adds only characters the
    // transcript has: the guard counts them, it does not only look them up.
    const text = '# 新闻标题\n\n正文有3个字。';
    const twice = structuredClone(importTranscript(text, identity));
    twice.articles[0]!.sections[0]!.paragraphs.push('有3个字。');
    expect(() => assertNothingLost(text, twice, 't.txt')).toThrow(/would add the character 有 \(1 in t\.txt, 2 in the result\)/);
  });
});

describe('dropped-in blocks', () => {
  /** A page whose first section has `dropped` set off by blank lines inside a cut paragraph. */
  const page = (headline: string, byline: string, dropped: string, lead?: string) =>
    importTranscript(
      ['# ' + headline, '', ...(lead === undefined ? [] : [lead, '']), byline, '', '### 春风十里', '', '周末，市民来到', '', '', '', dropped, '', '山坡上种下树苗。'].join('\n'),
      identity,
    ).articles[0]!;
  const body = (a: ReturnType<typeof page>) => a.sections.flatMap((s) => s.paragraphs).join('');

  it('takes a dated block for the lead when it repeats only the last four characters of the headline', () => {
    const a = page('周末市民植树三千棵', '记者 王小明', '3月2日，全市共种树三千棵。');
    expect(a.lead).toBe('3月2日，全市共种树三千棵。');
    expect(a.sections[0]!.paragraphs).toEqual(['周末，市民来到山坡上种下树苗。']);
  });

  it('leaves a dated paragraph in the body when it shares fewer than four characters in a row with the headline', () => {
    const a = page('周末市民植树三千棵', '记者 王小明', '3月2日，全市共种三千棵。');
    expect(a.lead).toBeUndefined();
    expect(a.figures).toEqual([]);
    expect(body(a)).toContain('3月2日，全市共种三千棵。');
  });

  it('under a photo byline, takes one dated sentence of up to 60 characters for a caption and a longer one for the lead', () => {
    const sentence = (length: number) => {
      const head = '3月2日，市民植树三千棵，';
      return `${head}${'来自全市各个社区的志愿者和市民一起在城东的山坡上挖坑扶苗浇水'.repeat(3).slice(0, length - head.length - 1)}。`;
    };
    const sixty = sentence(60);
    expect(sixty).toHaveLength(60);
    const asCaption = page('市民植树三千棵', '文/片 记者 王小明', sixty);
    expect(asCaption.lead).toBeUndefined();
    expect(asCaption.figures).toEqual([{ caption: sixty }]);
    const longer = sentence(61);
    const asLead = page('市民植树三千棵', '文/片 记者 王小明', longer);
    expect(asLead.lead).toBe(longer);
    expect(asLead.figures).toEqual([]);
  });

  it('takes an undated block for a caption when it repeats 20 characters of the lead, and not 19', () => {
    const lead = '3月2日，市民植树三千棵活动在城东山坡举行，共有五百名志愿者参加。';
    const twenty = `${lead.slice(5, 25)}。`;
    const a = page('市民植树三千棵', '记者 王小明', twenty, lead);
    expect(a.lead).toBe(lead);
    expect(a.figures).toEqual([{ caption: twenty }]);
    const nineteen = `${lead.slice(5, 24)}。`;
    const b = page('市民植树三千棵', '记者 王小明', nineteen, lead);
    expect(b.figures).toEqual([]);
    expect(body(b)).toContain(nineteen);
  });

  it('under a photo byline, takes a dated block of two sentences set off by blank lines for a caption, and not one of three', () => {
    const two = '3月2日，志愿者在山坡上忙碌。孩子们也来帮忙。';
    expect(page('市民植树三千棵', '文/片 记者 王小明', two).figures).toEqual([{ caption: two }]);
    const three = `${two}大家干劲十足。`;
    const a = page('市民植树三千棵', '文/片 记者 王小明', three);
    expect(a.figures).toEqual([]);
    expect(body(a)).toContain(three);
  });

  it('splits a parenthesised credit off a caption with the spaces around it, as printed', () => {
    expect(captionFigure('3日，市民在公园赏花。 （ 王小明 摄）')).toEqual({ caption: '3日，市民在公园赏花。', credit: '王小明 摄' });
    // A doubled opening parenthesis (a keying slip) is not left on the caption either.
    expect(captionFigure('3日，市民在公园赏花。（（王小明 摄）')).toEqual({ caption: '3日，市民在公园赏花。', credit: '王小明 摄' });
    expect(captionFigure('3日，市民在公园赏花。（ （王小明 摄）')).toEqual({ caption: '3日，市民在公园赏花。', credit: '王小明 摄' });
    // A block that is only a credit behind such a slip keeps its text as the caption: never an empty caption.
    expect(captionFigure('（（王小明 摄）')).toEqual({ caption: '（（王小明 摄）' });
  });

  it('keeps the brackets inside a caption that ends in a credit', () => {
    expect(captionFigure('市民在人民公园（中山公园）赏花。 记者 王小明 摄')).toEqual({ caption: '市民在人民公园（中山公园）赏花。', credit: '记者 王小明 摄' });
  });
});

describe('blank lines and blocks', () => {
  it('reports the blank lines at the end of a transcript at their line, and counts them after the last block', () => {
    // Lines 4 and 5 are blank; the last line end closes line 5 and starts no line 6.
    const result = importTranscript('# 新闻标题\n\n正文。\n\n\n', identity);
    expect(result.report.repairs.filter((r) => r.kind === 'blank-lines')).toEqual([{ kind: 'blank-lines', line: 4, detail: 'removed a run of 2 blank line(s)' }]);
    expect(splitBlocks('# 新闻标题\n\n正文。\n\n\n').blocks.map((b) => [b.line, b.blanksBefore, b.blanksAfter])).toEqual([[1, 0, 1], [3, 1, 2]]);
  });

  it('reports no blank line for the line end that closes the last line, as every editor saves a file', () => {
    for (const text of ['# 新闻标题\n\n正文。\n', '# 新闻标题\r\n\r\n正文。\r\n'.replace(/\r\n/g, '\n')]) {
      expect(importTranscript(text, identity).report.repairs).toEqual([]);
    }
    expect(splitBlocks('# 新闻标题\n\n正文。\n').blocks.at(-1)!.blanksAfter).toBe(0);
  });

  it('refuses a transcript of blank lines only for having no headline', () => {
    expect(splitBlocks('\n  \n\n')).toEqual({ blocks: [], blankRuns: [] });
    expect(() => importTranscript('\n  \n\n', identity, 't.txt')).toThrow(ImportError);
    expect(() => importTranscript('\n  \n\n', identity, 't.txt')).toThrow(/t\.txt has no headline/);
  });

  it('quotes the lines of a text block before the first headline joined as one paragraph', () => {
    expect(() => importTranscript(['开头一段', '第二行。', '', '# 标题', '', '正文。'].join('\n'), identity, 't.txt')).toThrow(/text before the first headline \(“开头一段第二行。”\)/);
  });
});

describe('suspected typos', () => {
  it('does not flag 人人 (everyone) at the end of a headline or a text, where no 群 follows to make it a slip', () => {
    expect(findDoubledCharacters('发展成果惠及人人')).toEqual([]);
    expect(findDoubledCharacters('人人')).toEqual([]);
    const page = importTranscript(['# 幸福生活属于人人', '', '记者 王小明', '', '社区服务惠及人人。'].join('\n'), identity);
    expect(page.report.warnings).toEqual([]);
    // Still a slip where 群 follows.
    expect(findDoubledCharacters('帮助残疾人人群体就业').map((t) => t.char)).toEqual(['人']);
  });
});

describe('credit lines', () => {
  it('reads a credit line that names a role the list does not know beside one it knows', () => {
    expect(parseCreditLine('编辑：武俊 摄影：李华')).toEqual([
      { role: '编辑', names: ['武俊'] },
      { role: '摄影', names: ['李华'] },
    ]);
  });

  it('without colons, takes neither one role and name nor a role with no name for a credit line, and leaves such a line in the body', () => {
    // 视觉 盛宴 (a visual feast) is a role and a word: a pair alone is too weak a shape.
    expect(parseCreditLine('视觉 盛宴')).toBeUndefined();
    expect(parseCreditLine('编辑 美编 继红')).toBeUndefined();
    expect(parseCreditLine('编辑 武俊 美编 继红')).toEqual([
      { role: '编辑', names: ['武俊'] },
      { role: '美编', names: ['继红'] },
    ]);
    const page = importTranscript(['# 灯光秀今晚上演', '', '记者 王小明', '', '视觉 盛宴', '', '市民可前往观看。'].join('\n'), identity);
    expect(page.page.credits).toEqual([]);
    expect(page.articles[0]!.sections.flatMap((s) => s.paragraphs).join('')).toContain('视觉 盛宴');
  });
});

describe('the block walk', () => {
  it('keeps a byline-shaped line after a section head in the body when no byline came before it', () => {
    const a = importTranscript(['# 标题', '', '### 小标题', '', '记者 王小明', '', '正文。'].join('\n'), identity).articles[0]!;
    expect(a.byline).toEqual([]);
    // Body text, so a line without final punctuation is mended with the next, as any other.
    expect(a.sections).toEqual([{ heading: '小标题', paragraphs: ['记者 王小明正文。'] }]);
  });

  it('keeps a second byline-shaped block after the byline in the body', () => {
    const a = importTranscript(['# 标题', '', '记者 王小明', '', '通讯员 李华', '', '正文。'].join('\n'), identity).articles[0]!;
    expect(a.byline).toEqual([{ role: '记者', names: ['王小明'] }]);
    expect(a.sections[0]!.paragraphs[0]).toContain('通讯员 李华');
  });

  it('names the transcript in its messages when no file name is given', () => {
    expect(() => importTranscript('市民纷纷前往参观。', identity)).toThrow(/^the transcript has no headline: /);
  });

  it('says what markup-looking text is and that it is kept as plain text', () => {
    const page = importTranscript(['# 标题', '', '网友留言 <b>好</b>。'].join('\n'), identity);
    expect(page.report.warnings).toEqual([{ kind: 'markup', line: 3, detail: '“网友留言 <b>好</b>。” looks like HTML, JSX or MDX; it is kept as plain text and the site shows it as written' }]);
  });
});

describe('content files', () => {
  /** The front matter of an article file, read by a YAML parser, not by the writer. */
  const frontMatter = (md: string) => parseYaml(md.slice(4, md.indexOf('\n---\n') + 1)) as Record<string, unknown>;

  it('writes a caption’s photographer credit into the front matter', () => {
    const page = importTranscript(['# 市民植树三千棵', '', '记者 王小明', '', '周末，市民来到', '', '', '', '市民在山坡上植树。 通讯员 李华 摄', '', '山坡上种下树苗。'].join('\n'), identity);
    const md = serializeImport(page).get('B2-1.md')!;
    expect(md).toContain('figures:\n  - caption: "市民在山坡上植树。"\n    credit: "通讯员 李华 摄"\n');
    expect(frontMatter(md).figures).toEqual([{ caption: '市民在山坡上植树。', credit: '通讯员 李华 摄' }]);
  });

  it('ends an article with no body at its front matter', () => {
    const md = serializeImport(importTranscript('# 标题\n\n记者 王小明', identity)).get('B2-1.md')!;
    expect(md).toBe('---\npage: "B2"\norder: 1\nheadline: "标题"\nbyline:\n  - role: "记者"\n    names: ["王小明"]\n---\n');
  });

  it('refuses to write an article the site’s schema rejects, naming the file and every field at fault', () => {
    const bad = { headline: '', byline: [{ role: '记者', names: [] }], sections: [], figures: [] };
    let error: unknown;
    try {
      serializeArticle(bad, 'B2', 1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).file).toBe('B2-1.md');
    // Each field's problem in the shared formatter's words (src/errors/), one after the other.
    expect((error as ImportError).message).toMatch(/^The importer produced an invalid B2-1\.md: `headline`: [^`]+ `names` of `byline` entry 1: [^`]+ Nothing was written\. This is a bug in the importer: please report it with the transcript\.$/);
  });
});

describe('reading a transcript', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('points each refusal at the file, and at the line where there is one', () => {
    expect(refusal(() => decodeTranscript(bytes('# 标题\n\n正文\u0000。'), 'a.txt'))).toMatchObject({ file: 'a.txt', line: 3 });
    expect(refusal(() => decodeTranscript(bytes(' \n'), 'b.txt'))).toMatchObject({ message: expect.stringMatching(/^b\.txt is empty;/), file: 'b.txt' });
    expect(refusal(() => decodeTranscript(new Uint8Array(5 * 1024 * 1024 + 1), 'c.txt'))).toMatchObject({ message: expect.stringMatching(/^c\.txt is 5\.0 MB, more than the 5 MB/), file: 'c.txt' });
    const missing = path.join(scratchDir(), 'no-such-transcript.txt');
    expect(refusal(() => readTranscript(missing))).toMatchObject({ message: expect.stringMatching(/^Cannot read the transcript .*: it does not exist/), file: missing });
  });

  it('refuses a folder given as the transcript, saying it is not a file', () => {
    const folder = path.join(scratchDir(), 'a-folder.txt');
    mkdirSync(folder, { recursive: true });
    expect(refusal(() => readTranscript(folder))).toEqual({ message: `${folder} is not a file; give the path of a transcript (.txt).`, file: folder, line: undefined, field: undefined });
  });
});

describe('writing the files of an import', () => {
  /** The files of a page import of `count` articles, as `serializeImport` gives them. */
  const files = (count: number, page = 'B2') =>
    serializeImport(importTranscript(Array.from({ length: count }, (_, i) => `# 第${i + 1}篇新闻\n\n正文。`).join('\n\n'), { ...identity, page }));
  const fresh = (name: string) => {
    const dir = path.join(scratchDir(), 'edges-write', name);
    rmSync(dir, { recursive: true, force: true });
    return dir;
  };

  it('lists as left alone exactly the articles an earlier import of the same page wrote and this one does not, article 10 and over included', () => {
    const dir = fresh('stale');
    expect(writeImport(dir, files(12), false).stale).toEqual([]);
    writeImport(dir, files(1, 'B3'), false);
    const outcome = writeImport(dir, files(9), false);
    expect(outcome.stale.map((f) => path.basename(f)).sort()).toEqual(['B2-10.md', 'B2-11.md', 'B2-12.md']);
    // An article file the editor deleted is not listed; another page's articles never are.
    rmSync(path.join(dir, 'B2-12.md'));
    expect(writeImport(dir, files(9), false).stale.map((f) => path.basename(f)).sort()).toEqual(['B2-10.md', 'B2-11.md']);
  });

  it('refuses one file edited by hand in the singular, and names it in the error', () => {
    const dir = fresh('edited-one');
    writeImport(dir, files(1), false);
    writeFileSync(path.join(dir, 'B2-1.md'), `${readFileSync(path.join(dir, 'B2-1.md'), 'utf8')}\n补充。\n`);
    const file = path.join(dir, 'B2-1.md');
    expect(refusal(() => writeImport(dir, files(1), false))).toEqual({
      message: `Refusing to overwrite ${file}: it was edited by hand (or not written by the importer) since the last import, and the edits would be lost. Nothing was written. Move the edits into the transcript, or re-run with --force to replace it.`,
      file,
      line: undefined,
      field: undefined,
    });
  });

  it('refuses a manifest that is not JSON, naming it, and replaces it with --force', () => {
    const dir = fresh('bad-manifest');
    writeImport(dir, files(1), false);
    const manifest = path.join(dir, MANIFEST_NAME);
    writeFileSync(manifest, '{ not json');
    expect(refusal(() => writeImport(dir, files(1), false))).toEqual({
      message: `${manifest} is not valid JSON, so the importer cannot tell which files were edited by hand; restore it from version control, or re-run with --force to overwrite the files.`,
      file: manifest,
      line: undefined,
      field: undefined,
    });
    writeImport(dir, files(1), true);
    expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).files)).toEqual(['B2-1.md', 'B2.yaml']);
  });

  it('rewrites a manifest that is valid JSON but holds no hash list (null, a string) with the hashes of the files only', () => {
    const dir = fresh('odd-manifest');
    writeImport(dir, files(1), false);
    const manifest = path.join(dir, MANIFEST_NAME);
    for (const odd of [JSON.stringify({ files: 'abc' }), 'null', '"files"', '[1]']) {
      writeFileSync(manifest, odd);
      writeImport(dir, files(1), false);
      expect(Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).files), odd).toEqual(['B2-1.md', 'B2.yaml']);
    }
  });

  it('points a refused output folder at what is in the way and at --out', () => {
    const dir = fresh('in-the-way');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    expect(refusal(() => writeImport(path.join(file, '2024-03-05'), files(1), false))).toMatchObject({ file, field: '--out' });
    expect(refusal(() => writeImport(file, files(1), false))).toMatchObject({ message: expect.stringMatching(/a-file is a file, not a folder/), file, field: '--out' });
    mkdirSync(path.join(dir, 'issue', 'B2-1.md'), { recursive: true });
    expect(refusal(() => writeImport(path.join(dir, 'issue'), files(1), false))).toMatchObject({ file: path.join(dir, 'issue', 'B2-1.md') });
    // As root (CI), access() says yes to /proc/self but creating a folder there fails; as a user it says no.
    expect(refusal(() => writeImport('/proc/self/2024-03-05', files(1), false))).toMatchObject({ field: '--out' });
    expect(refusal(() => writeImport('/sys/kernel/2024-03-05', files(1), false))).toMatchObject({ file: '/sys/kernel/2024-03-05', field: '--out' });
  });

  it('reports a write that fails after the checks, leaving no temporary file', () => {
    // /sys/kernel exists and passes every check as root, but takes no new file.
    const before = readdirSync('/sys/kernel');
    const refused = refusal(() => writeImport('/sys/kernel', files(1), false));
    expect(refused).toMatchObject({ message: expect.stringMatching(/^Writing to \/sys\/kernel failed \(.+\); files not yet renamed were left as they were\. Check the folder and run the import again\.$/), file: '/sys/kernel' });
    expect(readdirSync('/sys/kernel')).toEqual(before);
    expect(existsSync('/sys/kernel/B2.yaml')).toBe(false);
  });
});

describe('the ingest command', () => {
  it('asks for --section on a re-import when the existing page file cannot be read as YAML, and writes nothing', () => {
    const out = path.join(scratchDir(), 'edges-ingest');
    rmSync(out, { recursive: true, force: true });
    const transcript = path.join(scratchDir(), 'edges-ingest.txt');
    writeFileSync(transcript, '# 市民公园今日开放\n\n公园占地三百亩。');
    const args = [transcript, '--date', '2024-03-05', '--page', 'B2', '--out', out];
    expect(runIngest([...args, '--section', '城事'], '/').code).toBe(0);
    writeFileSync(path.join(out, '2024-03-05', 'B2.yaml'), 'section: [not closed');
    const run = runIngest(args, '/');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/^--section is missing and there is no existing page file to take it from/);
    expect(readFileSync(path.join(out, '2024-03-05', 'B2.yaml'), 'utf8')).toBe('section: [not closed');
  });
});
