import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePath, cardKey, readCached, writeCached } from '../src/cards/cache.ts';
import type { ArticleCardInput } from '../src/cards/inputs.ts';
import { scratchDir } from './helpers/paths.ts';

/**
 * The card cache in process (the build-level test is cards-cache.test.ts): the key changes
 * with every part that changes a card's pixels (the text, the fonts' digest, the renderer
 * versions) and with nothing else, and entries are written whole or not at all.
 */
const input: ArticleCardInput = {
  kind: 'article',
  paperName: '泉城示例日报',
  sample: true,
  dateLine: '2023年7月2日 星期日',
  pageLine: '第A03版·要闻',
  headline: ['推动党建引领基层治理再升级'],
  byline: '记者 张萌',
};
const parts = { fontDigest: 'a'.repeat(64), renderers: 'satori 0.63.2; sharp 0.35.5' };

describe('card cache keys', () => {
  it('are SHA-256 hex digests, the same for equal inputs built apart', () => {
    const key = cardKey(input, parts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cardKey(structuredClone(input), { ...parts })).toBe(key);
  });

  it('change with the text, the font digest and the renderer versions', () => {
    const key = cardKey(input, parts);
    const variants = [
      cardKey({ ...input, headline: ['推动党建引领基层治理再升级！'] }, parts),
      cardKey({ ...input, sample: false }, parts),
      cardKey({ ...input, kicker: '引题' }, parts),
      cardKey(input, { ...parts, fontDigest: 'b'.repeat(64) }),
      cardKey(input, { ...parts, renderers: 'satori 0.63.3; sharp 0.35.5' }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
  });
});

describe('card cache files', () => {
  const dir = () => path.join(scratchDir(), 'card-cache');

  it('spreads entries over folders named by the first two hex digits', () => {
    expect(cachePath('/c', 'abcdef')).toBe(path.join('/c', 'ab', 'abcdef.png'));
  });

  it('gives back what was stored, and undefined for a key never stored', async () => {
    const key = cardKey(input, parts);
    expect(await readCached(dir(), key)).toBeUndefined();
    await writeCached(dir(), key, Buffer.from('png bytes'));
    expect((await readCached(dir(), key))?.toString()).toBe('png bytes');
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(path.join(dir(), key.slice(0, 2)))).toEqual([`${key}.png`]);
  });

  it('reports a cache entry it cannot read instead of treating it as missing', async () => {
    const key = 'ff'.padEnd(64, '0');
    mkdirSync(cachePath(dir(), key), { recursive: true }); // a folder where the PNG should be
    await expect(readCached(dir(), key)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('creates the entry folder when it is missing', async () => {
    const fresh = path.join(dir(), 'fresh');
    expect(existsSync(fresh)).toBe(false);
    await writeCached(fresh, '12'.padEnd(64, '3'), Buffer.from('x'));
    expect(existsSync(cachePath(fresh, '12'.padEnd(64, '3')))).toBe(true);
  });
});
