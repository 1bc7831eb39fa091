import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, pageSchema, type ArticleData, type PageData } from '../../src/schemas/index.ts';
import { parseBody, type BodySection } from '../../src/model/body.ts';
import { contentDir } from './paths.ts';

/** Reads a page file and validates it with the real schema. */
export function readPage(relative: string, dir = contentDir): PageData {
  return pageSchema.parse(parseYaml(readFileSync(path.join(dir, relative), 'utf8')));
}

/** Reads an article file: front matter through the real schema, body through `parseBody`. */
export function readArticle(relative: string, dir = contentDir): { data: ArticleData; sections: BodySection[]; raw: string } {
  const raw = readFileSync(path.join(dir, relative), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`${relative} has no front matter`);
  return { data: articleSchema.parse(parseYaml(match[1]!)), sections: parseBody(match[2]!), raw };
}
