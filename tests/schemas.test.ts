import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { describeZodIssues } from '../src/errors/zod-issues.ts';
import { articleSchema, editionSchema, isRealIsoDate, pageSchema } from '../src/schemas/index.ts';

const validArticle = {
  page: 'A03',
  order: 1,
  kicker: '引题',
  headline: '主题',
  deck: '副题',
  lead: '导语。',
  byline: [{ role: '记者', names: ['夏侯凤超'], mark: '文/片' }, { role: '通讯员', names: '刘亚男' }],
  figures: [{ caption: '1日上午，图片说明。' }],
};

/** The messages an editor reads, through the shared formatter the loaders use. */
const messagesOf = (schema: z.ZodType, data: unknown) => {
  const result = schema.safeParse(data);
  return result.success ? [] : describeZodIssues(result.error, schema, data).map((p) => p.message);
};

describe('article schema', () => {
  it('accepts a full article and normalises headline and names to lists', () => {
    const data = articleSchema.parse(validArticle);
    expect(data.headline).toEqual(['主题']);
    expect(data.byline[1]!.names).toEqual(['刘亚男']);
    expect(data.tags).toEqual([]);
  });

  it('accepts a headline given as its printed lines', () => {
    expect(articleSchema.parse({ ...validArticle, headline: ['第一行', '第二行'] }).headline).toEqual(['第一行', '第二行']);
  });

  it('refuses a missing headline, naming the field and what is expected', () => {
    const { headline: _, ...rest } = validArticle;
    const messages = messagesOf(articleSchema, rest);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^`headline` is missing: expected the headline \(主题\)/);
  });

  it('refuses an empty headline', () => {
    expect(messagesOf(articleSchema, { ...validArticle, headline: '  ' })[0]).toMatch(/headline/);
  });

  it('refuses an order that is not a positive whole number', () => {
    for (const order of [0, 1.5, '1', -2]) {
      expect(messagesOf(articleSchema, { ...validArticle, order })[0]).toMatch(/^`order`.*expected the article's order on its page .* as a whole number/);
    }
  });

  it('refuses a page number that could escape its folder', () => {
    expect(messagesOf(articleSchema, { ...validArticle, page: '../A03' })[0]).toMatch(/^`page`: expected a page number/);
  });

  it('refuses a byline entry without a role', () => {
    expect(messagesOf(articleSchema, { ...validArticle, byline: [{ names: ['王'] }] })[0]).toMatch(/^`role` of `byline` entry 1 is missing: write a byline role such as 记者/);
  });
});

describe('page schema', () => {
  const validPage = { date: '2023-07-02', number: 'A03', section: '要闻', credits: [{ role: '编辑', names: ['武俊'] }] };

  it('accepts a page, and a date YAML parsed as a timestamp', () => {
    expect(pageSchema.parse(validPage).front).toBe(false);
    expect(pageSchema.parse({ ...validPage, date: new Date('2023-07-02T00:00:00Z') }).date).toBe('2023-07-02');
  });

  it('refuses dates that are not real YYYY-MM-DD days', () => {
    for (const date of ['2023-02-30', '2023-7-2', '02/07/2023', '2023-13-01', '']) {
      expect(messagesOf(pageSchema, { ...validPage, date })[0], date).toMatch(/^`date`: expected a real calendar date/);
    }
  });

  it('refuses a page without a section name', () => {
    const { section: _, ...rest } = validPage;
    expect(messagesOf(pageSchema, rest)[0]).toMatch(/^`section` is missing: write the section name \(版名\)/);
  });

  it('knows leap days', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
  });
});

describe('edition options', () => {
  it('fills in defaults', () => {
    const edition = editionSchema.parse({ paperName: '示例日报', site: 'https://example.com' });
    expect(edition).toMatchObject({ locale: 'zh-Hans', timeZone: 'Asia/Shanghai', base: '/', format: 'broadsheet', sample: false });
  });

  it('refuses a bad time zone, base path and site with sentences that name the option', () => {
    const messages = messagesOf(editionSchema, { paperName: '示例日报', site: 'not a url', base: 'epaper', timeZone: 'Mars/Olympus' }).join('\n');
    expect(messages).toMatch(/`site` must be the full public address/);
    expect(messages).toMatch(/`base` must start and end with a slash/);
    expect(messages).toMatch(/`timeZone` must be an IANA time zone/);
  });
});
