import path from 'node:path';
import { parseArgs } from 'node:util';
import { isRealIsoDate } from '../schemas/common.ts';

/** The options of `npm run preflight`, checked before anything heavy is loaded. */
export interface CliOptions {
  root: string;
  contentDir: string;
  date?: string;
  page?: string;
  json: boolean;
  /** A running dev server (with its base path), or a built site to serve, or neither (start one). */
  url?: string;
  dist?: string;
  base: string;
  layout: boolean;
}

export const USAGE =
  'Usage: npm run preflight -- [--date YYYY-MM-DD [--page A03]] [--json] [--url <running dev server> | --dist <built site> [--base /]] [--root <project>] [--content <folder>] [--no-layout]\n';

/** Parses the command line; relative paths start at `cwd`. A string is the usage error to print (exit 2). */
export function parseCliOptions(argv: string[], cwd: string): CliOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        date: { type: 'string' },
        page: { type: 'string' },
        json: { type: 'boolean', default: false },
        url: { type: 'string' },
        dist: { type: 'string' },
        base: { type: 'string', default: '/' },
        root: { type: 'string' },
        content: { type: 'string' },
        'no-layout': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
  if (values.date !== undefined && !isRealIsoDate(values.date)) {
    return `--date ${values.date} is not a real date; give the issue date as YYYY-MM-DD, for example --date 2023-07-02.\n`;
  }
  if (values.page !== undefined && values.date === undefined) return `--page needs --date: a page number is only unique within its issue.\n${USAGE}`;
  if (values.url !== undefined && values.dist !== undefined) return `Give --url (a running site) or --dist (a built site), not both.\n${USAGE}`;
  const root = path.resolve(cwd, values.root ?? '.');
  return {
    root,
    contentDir: path.resolve(root, values.content ?? 'content'),
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(values.page !== undefined ? { page: values.page } : {}),
    json: values.json,
    ...(values.url !== undefined ? { url: values.url.endsWith('/') ? values.url : `${values.url}/` } : {}),
    ...(values.dist !== undefined ? { dist: path.resolve(cwd, values.dist) } : {}),
    base: `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'),
    layout: !values['no-layout'],
  };
}
