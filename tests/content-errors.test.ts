import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAstro, type RunResult } from './helpers/astro-cli.ts';
import { projectRoot } from './helpers/paths.ts';
import { scratchSite } from './helpers/scratch-site.ts';

/**
 * Bad content stops the build with a message naming the file, the line or field, and the fix.
 * Each scratch copy of the fixture site gets many broken files at once and one real
 * `astro sync`, which runs Newsprint's loaders exactly as `astro build` does; a loader reports
 * every bad file of its collection in one message, so one run checks many cases; when both
 * loaders find problems, one message holds both (src/loaders/load-round.ts).
 */

const article = (front: string, body = '正文。\n') => `---\n${front}\n---\n\n${body}`;
/** "# 标题" and "正文" in GBK: what an editor's Windows tool may save. */
const gbk = (before: string) => Buffer.concat([Buffer.from(before), Buffer.from([0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0x0a])]);

async function siteWith(name: string, files: Record<string, string | Buffer>): Promise<{ root: string; run: RunResult }> {
  const root = await scratchSite(`bad-${name}`);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return { root, run: await runAstro(['sync', '--root', root], projectRoot) };
}

/** The lines of the error about `file` (up to the next file or the hint). */
function section(output: string, file: string): string {
  const start = output.indexOf(`${file}:`);
  if (start < 0) throw new Error(`the output does not name ${file}:\n${output}`);
  const rest = output.slice(start + file.length + 1);
  const end = rest.search(/\ncontent\/|\n\s*Hint:/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** No Astro stack trace, and nothing pointing into Newsprint's own code. */
function expectEditorMessage(output: string) {
  expect(output).toContain('[NewsprintContentError]');
  expect(output).toMatch(/Hint:\s+Correct the file as each line says and save it/);
  expect(output).not.toMatch(/Stack trace:/);
  expect(output).not.toMatch(/src\/loaders\//);
  expect(output).not.toMatch(/\.\.\/\.\.\/content|JSON|TOML/);
}

describe('bad articles stop the build, each with its file, line and fix', () => {
  let run: RunResult;
  let out: string;
  beforeAll(async () => {
    ({ run } = await siteWith('articles', {
      'content/2024-01-15/lantern.md': article('page: 1\norder: 1\nkicker: 元宵将至'),
      'content/2024-01-15/unknown.md': article('page: 1\norder: 3\nheadline: 标题\nbyLine:\n  - role: 记者\n    names: 周明\nfigure: []\nKicker: 引题\nsubtitle: 副题\nauthor: 周明'),
      'content/2024-01-15/nested.md': article('page: 1\norder: 4\nheadline: 标题\nbyline:\n  - role: 记者\n    name: 周明\nfigures:\n  - caption: 图\n    credits: 记者 摄'),
      'content/2024-01-15/names.md': article('page: 1\norder: 5\nheadline: 标题\nbyline:\n  - role: 记者\n    names: []'),
      'content/2024-01-15/zero.md': article('page: 01\norder: 6\nheadline: 标题'),
      'content/2024-01-15/tab.md': article('page: 1\norder: 7\nheadline: 标题\nbyline:\n\t- role: 记者'),
      'content/2024-01-15/colon.md': article('page: 1\norder: 8\nheadline: 记者手记: 灯下'),
      'content/2024-01-15/extra.md': article('page: 9\norder: 1\nheadline: 标题'),
      'content/2024-01-15/twice.md': article('page: 1\norder: 2\nheadline: 标题'),
      'content/2024-01-15/weather-2.md': article('page: 1\norder: 9\nheadline: 标题\nslug: weather'),
      'content/2024-01-15/gbk.md': gbk('---\npage: 1\norder: 10\nheadline: '),
      'content/2024-01-15/元宵.md': article('page: 1\norder: 11\nheadline: 标题'),
      'content/2024-01-15/plain.md': '没有前置元数据的正文。\n',
      'content/2024-01-15/images.md': article(
        'page: 1\norder: 12\nheadline: 标题\nfigures:\n  - caption: 无此文件\n    image: /2024-01-15/missing.jpg\n  - caption: 越界\n    image: ../../etc/passwd\n  - caption: 协议相对\n    image: //evil.example/x.jpg\n  - caption: 远程\n    image: https://evil.example/x.jpg\n  - caption: 脚本\n    image: "javascript:alert(1)"\n  - caption: 旁边没有\n    image: ./missing.jpg\n  - caption: 不是图片\n    image: ./notes.txt\n  - caption: 与public重名\n    image: ./lantern.svg\n  - caption: 越出文章目录\n    image: ./../x.jpg',
      ),
      'content/2024-01-15/notes.txt': '编辑笔记\n',
      'content/2024-01-15/lantern.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      'content/2024-01-15/empty-order.md': article('page: 1\norder:\nheadline: ""'),
      'content/stray.md': article('page: 1\norder: 1\nheadline: 标题'),
      'content/2024-13-01/x.md': article('page: 1\norder: 1\nheadline: 标题'),
    }));
    out = run.output;
  });

  it('exits non-zero with one editor-readable message and no stack trace', () => {
    expect(run.code).not.toBe(0);
    expectEditorMessage(out);
    expect(out).toMatch(/Newsprint cannot use 1[0-9] content files:/);
  });

  it('a missing headline', () => {
    expect(section(out, 'content/2024-01-15/lantern.md')).toMatch(/`headline` is missing: expected the headline \(主题\)/);
  });

  it('unknown and misspelt fields, each with the nearest known field and its line', () => {
    const s = section(out, 'content/2024-01-15/unknown.md');
    expect(s).toContain('line 5, column 1: `byLine` is not a field of an article; did you mean `byline`?');
    expect(s).toContain('line 8, column 1: `figure` is not a field of an article; did you mean `figures`?');
    expect(s).toContain('`Kicker` is not a field of an article; did you mean `kicker`?');
    expect(s).toContain('`subtitle` is not a field of an article; did you mean `deck`?');
    expect(s).toContain('`author` is not a field of an article; did you mean `byline`?');
  });

  it('unknown fields inside a byline entry and a figure', () => {
    const s = section(out, 'content/2024-01-15/nested.md');
    expect(s).toContain('line 7, column 5: `name` is not a field of a byline entry; did you mean `names`?');
    expect(s).toContain('line 10, column 5: `credits` is not a field of a figure; did you mean `credit`?');
  });

  it('an empty list of names says in words what to write', () => {
    expect(section(out, 'content/2024-01-15/names.md')).toMatch(/line 7, column 12: `names` of `byline` entry 1: the list is empty; write at least one name, for example names: \[李英杰\]/);
  });

  it('page: 01 unquoted is read as 1: quote it', () => {
    expect(section(out, 'content/2024-01-15/zero.md')).toContain('line 2, column 7: `page: 01` without quotes is read as the number 1, which drops the zero; write it in quotes: page: "01".');
  });

  it('YAML errors give the line, the column and the fix', () => {
    expect(section(out, 'content/2024-01-15/tab.md')).toMatch(/line 6, column 1: the line is indented with a tab; YAML needs spaces/);
    expect(section(out, 'content/2024-01-15/colon.md')).toMatch(/line 4, column \d+: the value contains `: `, which YAML reads as the start of another field; put the whole value in double quotes/);
  });

  it('a page that does not exist', () => {
    expect(section(out, 'content/2024-01-15/extra.md')).toMatch(/line 2, column 7: there is no page 9 in the issue of 2024-01-15; create content\/2024-01-15\/9\.yaml or correct the page number/);
  });

  it('a duplicate order names both files', () => {
    expect(section(out, 'content/2024-01-15/twice.md')).toMatch(/line 3, column 8: `order` 2 is also the order of content\/2024-01-15\/weather\.mdx on page 1; give each article of a page its own order/);
    expect(section(out, 'content/2024-01-15/weather.mdx')).toMatch(/`order` 2 is also the order of content\/2024-01-15\/twice\.md/);
  });

  it('a duplicate slug within one page names both files', () => {
    expect(section(out, 'content/2024-01-15/weather-2.md')).toMatch(/its address weather .* is also the address of content\/2024-01-15\/weather\.mdx on page 1; give one of them another `slug`, or rename its file/);
  });

  it('a file in GBK names the encoding and the conversion', () => {
    expect(section(out, 'content/2024-01-15/gbk.md')).toContain(
      'line 4, column 11: the file is not UTF-8 (it looks like GBK), so its Chinese text would be published as �; convert it with `iconv -f GBK -t UTF-8 content/2024-01-15/gbk.md > content/2024-01-15/gbk.md.utf8 && mv content/2024-01-15/gbk.md.utf8 content/2024-01-15/gbk.md`',
    );
  });

  it('a file name that gives no ASCII address asks for a slug', () => {
    expect(section(out, 'content/2024-01-15/元宵.md')).toMatch(/the file name 元宵\.md gives the article no readable address .*; rename the file, for example 1-11\.md, or add a field such as slug:/);
  });

  it('a file without front matter', () => {
    expect(section(out, 'content/2024-01-15/plain.md')).toMatch(/line 1: the file does not start with front matter; its first line must be `---`/);
  });

  it('figure images: a missing file, a path leaving public/, //host, a host not allowed, javascript:; next to the article: missing, not an image, taken by public/, leaving the folder', () => {
    const s = section(out, 'content/2024-01-15/images.md');
    expect(s).toMatch(/`image` of figure 1 is public\/2024-01-15\/missing\.jpg, and there is no such file; put the image there/);
    expect(s).toMatch(/`image` of figure 2 \(\.\.\/\.\.\/etc\/passwd\) cannot be used: it contains `\.\.`, which would leave the public\/ folder/);
    expect(s).toMatch(/`image` of figure 3 \(\/\/evil\.example\/x\.jpg\) cannot be used: it starts with `\/\/`, which a browser reads as an address on another host/);
    expect(s).toMatch(/`image` of figure 4 is on evil\.example, a host this site does not allow images from; .* image: \{ domains: \['evil\.example'\] \}/);
    expect(s).toMatch(/`image` of figure 5 \(javascript:alert\(1\)\) cannot be used: `javascript:` addresses are not allowed/);
    expect(s).toMatch(/`image` of figure 6 is content\/2024-01-15\/missing\.jpg, next to the article, and there is no such file; put the image there/);
    expect(s).toMatch(/`image` of figure 7 is content\/2024-01-15\/notes\.txt, which is not an image a browser can show; use a JPEG, PNG/);
    expect(s).toMatch(/`image` of figure 8 is content\/2024-01-15\/lantern\.svg, which would be published as 2024-01-15\/lantern\.svg, but public\/2024-01-15\/lantern\.svg is there too; keep one/);
    expect(s).toMatch(/`image` of figure 9 \(\.\/\.\.\/x\.jpg\) cannot be used: it contains `\.\.`, which would leave the article's folder/);
  });

  it('empty required values say what to write', () => {
    const s = section(out, 'content/2024-01-15/empty-order.md');
    expect(s).toMatch(/`order` is empty: expected the article's order on its page \(1 for the lead article\) as a whole number/);
    expect(s).toMatch(/`headline`: it is empty; write the headline \(主题\)/);
  });

  it('files outside an issue folder, and issue folders that are not dates', () => {
    expect(section(out, 'content/stray.md')).toMatch(/the file is not in an issue folder, so it would not be published; move it into the folder of its issue/);
    expect(section(out, 'content/2024-13-01/x.md')).toMatch(/the issue folder `2024-13-01` is not a real date: name each issue folder YYYY-MM-DD/);
  });
});

describe('bad page files stop the build, each with its file, line and fix', () => {
  let run: RunResult;
  let out: string;
  const page = (date: string, rest = '') => `date: "${date}"\nnumber: "1"\nsection: 要闻\n${rest}`;
  beforeAll(async () => {
    ({ run } = await siteWith('pages', {
      'content/2024-02-01/1.yaml': page('2024-02-01', 'credit:\n  - role: 校对\n    names: [李华]\n'),
      'content/2024-02-02/A1.yaml': 'date: "2024-02-02"\nnumber: A1\nsection: 要闻\n',
      'content/2024-02-02/a1.yaml': 'date: "2024-02-02"\nnumber: a1\nsection: 要闻\n',
      'content/2024-02-03/03.yaml': 'date: "2024-02-03"\nnumber: 03\nsection: 要闻\n',
      'content/2024-02-04/1.yaml': gbk('date: "2024-02-04"\nnumber: "1"\nsection: '),
      'content/2024-02-05/1.yaml': page('2024-02-05', 'credits:\n\t- role: 编辑\n'),
      'content/2024-02-06/1.yaml': 'date: "2024-02-06"\nnumber: "1"\nsection: ""\ncredits:\n  - role: 编辑\n    names:\n',
      'content/2024-02-07/1.yaml': page('2024-02-08'),
      'content/2024-02-09/1.yaml': '- date: 2024-02-09\n',
      'content/2024-02-10/1.yaml': page('2024-02-10', 'front: yes\n'),
      // A bad article too: the article loader's problems come in the same message.
      'content/2024-01-15/late.md': article('page: 1\norder: 5\nheadline: 标题\nsubtitle: 副题'),
    }));
    out = run.output;
  });

  it('exits non-zero with one editor-readable message and no stack trace', () => {
    expect(run.code).not.toBe(0);
    expectEditorMessage(out);
  });

  it('a bad article beside bad page files: both collections in one message, so one fix-and-build round finds all', () => {
    expect(out.match(/Newsprint cannot use \d+ content files:/g)).toHaveLength(1);
    expect(out).toMatch(/Newsprint cannot use 11 content files:/);
    expect(section(out, 'content/2024-01-15/late.md')).toMatch(/`subtitle` is not a field of an article; did you mean `deck`/);
    expect(section(out, 'content/2024-02-01/1.yaml')).toMatch(/did you mean `credits`/);
  });

  it('a misspelt field: credit for credits', () => {
    expect(section(out, 'content/2024-02-01/1.yaml')).toContain('line 4, column 1: `credit` is not a field of a page; did you mean `credits`?');
  });

  it('page numbers that differ only in case', () => {
    expect(section(out, 'content/2024-02-02/A1.yaml')).toMatch(/page A1 is also described by content\/2024-02-02\/a1\.yaml; page numbers that differ only in case .* keep one file per page/);
    expect(section(out, 'content/2024-02-02/a1.yaml')).toMatch(/page a1 is also described by content\/2024-02-02\/A1\.yaml/);
  });

  it('number: 03 unquoted: quote it, rather than rename the file', () => {
    const s = section(out, 'content/2024-02-03/03.yaml');
    expect(s).toContain('line 2, column 9: `number: 03` without quotes is read as the number 3, which drops the zero; write it in quotes: number: "03".');
    expect(s).not.toMatch(/name the file/);
  });

  it('a page file in GBK names the right file', () => {
    expect(section(out, 'content/2024-02-04/1.yaml')).toMatch(/line 3, column 10: the file is not UTF-8 \(it looks like GBK\).*iconv -f GBK -t UTF-8 content\/2024-02-04\/1\.yaml/);
  });

  it('tab indentation in a page file: file, line, column, fix, and no JSON/TOML hint', () => {
    expect(section(out, 'content/2024-02-05/1.yaml')).toMatch(/line 5, column 1: the line is indented with a tab; YAML needs spaces/);
  });

  it('empty values say in words what to write', () => {
    const s = section(out, 'content/2024-02-06/1.yaml');
    expect(s).toMatch(/line 3, column 10: `section`: it is empty; write the section name \(版名\), for example 要闻/);
    expect(s).toMatch(/`names` of `credits` entry 1 is empty: expected one name or a list of names/);
  });

  it('a date that does not match the issue folder', () => {
    expect(section(out, 'content/2024-02-07/1.yaml')).toMatch(/line 1, column 7: `date` says 2024-02-08, but the file is in the folder of the issue of 2024-02-07; correct the date or move the file/);
  });

  it('a list instead of fields', () => {
    expect(section(out, 'content/2024-02-09/1.yaml')).toMatch(/expected fields written as `field: value`, one per line/);
  });

  it('a value of the wrong kind: front: yes (YAML 1.2 has no yes)', () => {
    expect(section(out, 'content/2024-02-10/1.yaml')).toMatch(/line 4, column 8: `front` is "yes": expected true or false/);
  });
});
