/**
 * `npm run ingest -- <transcript> --date YYYY-MM-DD --page <number> [--section <name>]
 * [--out <content dir>] [--json] [--force]`: imports a page transcript (see the README,
 * "Importing a page transcript", and src/importer/). npm runs scripts from the project root, so relative paths start from the
 * folder the user ran npm in (INIT_CWD).
 */
import { runIngest } from '../src/importer/index.ts';

const result = runIngest(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
