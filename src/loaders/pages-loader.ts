import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { pageSchema } from '../schemas/page.ts';
import { ContentError, describeIssues } from './content-error.ts';
import { displayPath, issueFolderOf } from './content-files.ts';

/** Options of the pages loader. */
export interface ContentLoaderOptions {
  /** The content folder, relative to the project root. Defaults to `./content`. */
  base?: string;
}

/**
 * Loads every page file (`<date>/<page>.yaml`) of the content folder into a collection,
 * checking that the file sits in its issue's folder and is named after its page number.
 */
export function pagesLoader({ base = './content' }: ContentLoaderOptions = {}): Loader {
  const inner = glob({ pattern: '*/*.{yaml,yml}', base });
  return {
    name: 'newsprint-pages',
    schema: pageSchema,
    async load(context) {
      const root = fileURLToPath(context.config.root);
      await inner.load({
        ...context,
        async parseData(props) {
          const file = displayPath(root, props.filePath ?? props.id);
          // Astro's YAML reader turns an unquoted impossible date (2024-02-30) into a real,
          // different day (2024-03-01). Read the file as YAML 1.2, where dates stay text, so
          // the schema sees what the editor wrote.
          const data = props.filePath ? parseYaml(readFileSync(props.filePath, 'utf8')) : props.data;
          const result = pageSchema.safeParse(data);
          if (!result.success) throw new ContentError(file, describeIssues(result.error));
          const { folder, valid } = issueFolderOf(props.filePath ?? '');
          const stem = path.basename(file).replace(/\.ya?ml$/, '');
          const problems: string[] = [];
          if (!valid) {
            problems.push(`the issue folder \`${folder}\` is not a real date: name each issue folder YYYY-MM-DD, for example 2023-07-02`);
          } else if (result.data.date !== folder) {
            problems.push(`field \`date\`: it says ${result.data.date}, but the file is in the folder of the issue of ${folder}; correct the date or move the file`);
          }
          if (result.data.number !== stem) {
            problems.push(`field \`number\`: it says ${result.data.number}, but the file is named ${stem}; name the file after its page number, for example ${result.data.number}.yaml`);
          }
          if (problems.length > 0) throw new ContentError(file, problems);
          return context.parseData({ ...props, data: result.data as unknown as typeof props.data });
        },
      });
    },
  };
}
