import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, pageSchema, type ArticleData, type PageData } from '../../src/schemas/index.ts';
import type { BodySection } from '../../src/model/body.ts';
import { contentDir } from './paths.ts';

/** Reads a page file and validates it with the real schema. */
export function readPage(relative: string, dir = contentDir): PageData {
  return pageSchema.parse(parseYaml(readFileSync(path.join(dir, relative), 'utf8')));
}

/**
 * The sections of a body in the canonical format the importer writes and the sample keeps
 * (one line a paragraph, blank lines between, `### ` heads), read here without the site's own
 * `parseBody`, so the site tests do not check the site against itself (issue 14). A body in
 * any other shape is refused rather than guessed at.
 */
export function canonicalSections(body: string, name: string): BodySection[] {
  const blocks = body.replace(/^\n/, '').replace(/\n+$/, '').split('\n\n');
  if (body.trim() === '') return [];
  const sections: BodySection[] = [];
  for (const block of blocks) {
    if (block.includes('\n') || block !== block.trim() || block === '') throw new Error(`${name}: the body is not canonical (one line a paragraph, one blank line between): ${JSON.stringify(block.slice(0, 40))}`);
    if (block.startsWith('### ')) sections.push({ heading: block.slice(4), paragraphs: [] });
    else if (sections.length === 0) sections.push({ paragraphs: [block] });
    else sections.at(-1)!.paragraphs.push(block);
  }
  return sections;
}

/** Reads an article file: front matter through the real schema, body by `canonicalSections`. */
export function readArticle(relative: string, dir = contentDir): { data: ArticleData; sections: BodySection[]; raw: string } {
  const raw = readFileSync(path.join(dir, relative), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`${relative} has no front matter`);
  return { data: articleSchema.parse(parseYaml(match[1]!)), sections: canonicalSections(match[2]!, relative), raw };
}
