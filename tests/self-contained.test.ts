import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/paths.ts';

/**
 * The repository alone must build and pass every test: nothing may point outside it, where a
 * clone has nothing beside it. CI runs with other folders next to the clone, so only this test
 * catches such a reference before a user does.
 */
const ROOTS = ['src', 'scripts', 'tests', 'layouts', '.ci', 'README.md', 'package.json', 'astro.config.mjs'];
const SKIP = /(^|\/)(node_modules|dist|\.astro)(\/|$)/;
// Built from parts so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./' + 'shared', '/work/' + 'shared', '\\bnotes/' + '[\\w-]+\\.md'].join('|'));

function* files(entry: string): Generator<string> {
  const full = path.join(projectRoot, entry);
  if (SKIP.test(entry)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name));
  } else yield entry;
}

describe('the repository is self-contained', () => {
  it('no source, script, test, layout, CI step or README line refers to a folder beside the clone or to notes outside it', () => {
    const hits: string[] = [];
    let count = 0;
    for (const root of ROOTS) {
      for (const file of files(root)) {
        if (!/\.(ts|mjs|js|astro|css|md|mdx|json|yaml|txt)$|(^|\/)run$/.test(file)) continue;
        count++;
        readFileSync(path.join(projectRoot, file), 'utf8')
          .split('\n')
          .forEach((line, i) => OUTSIDE.test(line) && hits.push(`${file}:${i + 1}: ${line.trim()}`));
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(hits).toEqual([]);
  });
});
