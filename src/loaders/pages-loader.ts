import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import type { FileProblem } from '../errors/problem-report.ts';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { withFields } from '../schemas/records.ts';
import { collectionLoad, type ParsedEntry } from './collection-sync.ts';
import type { ContentFile } from './content-files.ts';
import { validateFields } from './validate-fields.ts';
import { parseYamlSource } from './yaml-source.ts';

/** Options of the pages and articles loaders. */
export interface ContentLoaderOptions {
  /** The content folder, relative to the project root. Defaults to `./content`. */
  base?: string;
  /**
   * Fields a site adds to Newsprint's own, as zod schemas, for example
   * `{ editorNote: z.string().optional() }`. Any other unknown field stops the build.
   */
  fields?: z.core.$ZodLooseShape;
}

/**
 * Loads every page file (`<date>/<page>.yaml`) of the content folder into a collection,
 * checking that the file sits in its issue's folder, is named after its page number, and that
 * no two page files of an issue name one page (`A1.yaml` and `a1.yaml` are one file on
 * Windows and macOS).
 */
export function pagesLoader({ base = './content', fields }: ContentLoaderOptions = {}): Loader {
  const schema = withFields(pageSchema, fields);
  const load = collectionLoad<PageData>(base, {
    exts: ['.yaml', '.yml'],
    parse(file, text) {
      const source = parseYamlSource(text);
      if ('problems' in source) return source;
      const result = validateFields(schema, source, 'number');
      if ('problems' in result) return result;
      const page = result.data as PageData;
      const problems: FileProblem[] = [];
      if (page.date !== file.folder) {
        problems.push({ ...source.locate(['date']), message: `\`date\` says ${page.date}, but the file is in the folder of the issue of ${file.folder}; correct the date or move the file.` });
      }
      if (page.number !== file.stem) {
        problems.push({ ...source.locate(['number']), message: `\`number\` says ${page.number}, but the file is named ${file.stem}; name the file after its page number (${page.number}${file.ext}) or correct the number.` });
      }
      if (problems.length > 0) return { problems };
      return { id: `${page.date}/${page.number}`, data: page };
    },
    check(entries) {
      const problems = new Map<ContentFile, FileProblem[]>();
      const byPage = new Map<string, ParsedEntry<PageData>[]>();
      for (const entry of entries) {
        const key = `${entry.file.folder}/${entry.data.number.toLowerCase()}`;
        byPage.set(key, [...(byPage.get(key) ?? []), entry]);
      }
      for (const same of byPage.values()) {
        if (same.length < 2) continue;
        for (const entry of same) {
          const others = same.filter((e) => e !== entry).map((e) => e.file.display).join(' and ');
          problems.set(entry.file, [
            { message: `page ${entry.data.number} is also described by ${others}; page numbers that differ only in case or extension are one page (and one file on Windows and macOS): keep one file per page.` },
          ]);
        }
      }
      return problems;
    },
  });
  return { name: 'newsprint-pages', schema, load };
}
