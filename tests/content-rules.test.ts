import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestName } from '../src/errors/nearest-name.ts';
import { parseBody, segmentBreak } from '../src/model/body.ts';
import { decodeUtf8Text, likelyEncoding } from '../src/model/text-encoding.ts';
import { imageHref, parseImageRef, slugFromFileName } from '../src/model/urls.ts';

/** The pure rules under the loaders: slugs, image paths, line joining, encodings, suggestions. */

describe('slugs from file names', () => {
  it('lower-cases, hyphenates and drops the page prefix', () => {
    expect(slugFromFileName('A03-1', 'A03')).toBe('1');
    expect(slugFromFileName('a03-2', 'A03')).toBe('2');
    expect(slugFromFileName('lantern', '1')).toBe('lantern');
    expect(slugFromFileName('Weather Report', '1')).toBe('weather-report');
    expect(slugFromFileName('big_fire__2', 'A1')).toBe('big-fire-2');
    expect(slugFromFileName('A03', 'A03')).toBe('a03');
  });

  it('refuses names a readable ASCII URL cannot carry', () => {
    for (const stem of ['元宵', 'café', 'a.b', '---', '']) expect(slugFromFileName(stem, '1'), stem).toBeUndefined();
  });

  it('never returns anything but lower-case ASCII letters, digits and single hyphens', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 4 }), (stem, page) => {
        const slug = slugFromFileName(stem, page);
        return slug === undefined || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
      }),
    );
  });
});

describe('figure image paths', () => {
  it('reads a path under public/ with or without a leading slash as the same file', () => {
    expect(parseImageRef('/2024-03-04/photo.jpg')).toEqual({ kind: 'public', path: '2024-03-04/photo.jpg' });
    expect(parseImageRef('2024-03-04/photo.jpg')).toEqual({ kind: 'public', path: '2024-03-04/photo.jpg' });
    expect(imageHref('/paper/', '/2024-03-04/照片 1.jpg', '2024-03-04')).toBe('/paper/2024-03-04/%E7%85%A7%E7%89%87%201.jpg');
  });

  it('reads ./ as a file next to the article, published under its issue folder', () => {
    expect(parseImageRef('./photo.jpg')).toEqual({ kind: 'beside', path: 'photo.jpg' });
    expect(parseImageRef('./photos/a.jpg')).toEqual({ kind: 'beside', path: 'photos/a.jpg' });
    expect(parseImageRef('./../a.jpg')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining("the article's folder") });
    expect(imageHref('/paper/', './雨 1.png', '2024-01-16')).toBe('/paper/2024-01-16/%E9%9B%A8%201.png');
  });

  it('refuses protocol-relative, non-https, escaping and odd paths', () => {
    for (const bad of ['//evil.example/x.jpg', '/\\evil.example/x.jpg', 'http://a.example/x.jpg', 'javascript:alert(1)', 'data:image/png;base64,AA', 'file:///etc/passwd', '../../etc/passwd', 'a/../../b.jpg', 'x.jpg?y', 'a\u0000b', '/']) {
      expect(parseImageRef(bad).kind, bad).toBe('invalid');
    }
  });

  it('never gives a src that leaves the site unless it is an https URL', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const ref = parseImageRef(value);
        if (ref.kind === 'invalid') return true;
        const src = imageHref('/', value, '2024-03-04');
        return ref.kind === 'remote' ? src.startsWith('https://') : src.startsWith('/') && !src.startsWith('//') && !src.split('/').includes('..');
      }),
    );
  });
});

describe('segment breaks inside a paragraph (CSS Text 3 §4.1.2)', () => {
  it('joins Chinese lines without a space and Latin lines with one', () => {
    expect(parseBody('他说\n你好。\n')[0]!.paragraphs).toEqual(['他说你好。']);
    expect(parseBody('he said\nthat\n')[0]!.paragraphs).toEqual(['he said that']);
    expect(parseBody('共有5G\n基站\n')[0]!.paragraphs).toEqual(['共有5G 基站']);
    expect(parseBody('他说：“\n你好”\n')[0]!.paragraphs).toEqual(['他说：“你好”']);
  });

  it('follows the rule pairwise', () => {
    expect(segmentBreak('中', '文')).toBe('');
    expect(segmentBreak('，', 'a')).toBe(' ');
    expect(segmentBreak('a', '\u200b')).toBe('');
    expect(segmentBreak('한', '국')).toBe(' ');
  });
});

describe('encodings', () => {
  const gbk = Uint8Array.from([0xb1, 0xea, 0xcc, 0xe2, 0xd5, 0xfd, 0xce, 0xc4]); // 标题正文
  it('names GBK, GB18030, Big5 and UTF-16 files', () => {
    expect(likelyEncoding(gbk)).toBe('GBK');
    expect(likelyEncoding(Uint8Array.from([...gbk, 0x95, 0x34, 0xb2, 0x35]))).toBe('GB18030'); // + 𠮷, four bytes in GB18030
    expect(likelyEncoding(Uint8Array.from([0xbc, 0xd0, 0xc3, 0x44, 0xa4, 0xe5]))).toBe('BIG5'); // 標題文 in Big5
    expect(likelyEncoding(Uint8Array.from([0xff, 0xfe, 0x07, 0x68]))).toBe('UTF-16LE');
  });

  it('decodes UTF-8, dropping a BOM, and places the first bad byte', () => {
    expect(decodeUtf8Text(new TextEncoder().encode('\ufeff标题\r\n'))).toEqual({ text: '标题\n' });
    expect(decodeUtf8Text(Uint8Array.from([0x61, 0x0a, 0x62, ...gbk]))).toEqual({ problem: { kind: 'not-utf8', line: 2, column: 2, encoding: 'GBK' } });
  });
});

describe('nearest field names', () => {
  const fields = ['page', 'order', 'kicker', 'headline', 'deck', 'lead', 'byline', 'figures', 'tags', 'slug', 'placement'];
  it('suggests the field meant, and nothing for a word far from every field', () => {
    expect(nearestName('byLine', fields)).toBe('byline');
    expect(nearestName('hedline', fields)).toBe('headline');
    expect(nearestName('tag', fields)).toBe('tags');
    expect(nearestName('odrer', fields)).toBe('order');
    expect(nearestName('subtitle', fields, { subtitle: 'deck' })).toBe('deck');
    expect(nearestName('weather', fields)).toBeUndefined();
  });
});
