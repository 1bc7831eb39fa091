import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import type { FileProblem } from '../errors/problem-report.ts';
import { describeZodIssues } from '../errors/zod-issues.ts';
import { parseYamlSource, splitFrontMatter, type YamlSource } from './yaml-source.ts';

/**
 * Validates parsed YAML against a content schema, placing each problem on the line of the
 * field at fault (the key's line for an unknown field, the value's otherwise). `pageField`
 * names the field holding a page number (`page` of an article, `number` of a page file),
 * whose leading zero YAML would drop unseen (leadingZeroProblem).
 */
export function validateFields<S extends z.ZodType>(schema: S, source: YamlSource, pageField: string): { data: z.output<S> } | { problems: FileProblem[] } {
  const zero = leadingZeroProblem(source, pageField);
  if (zero) return { problems: [zero] };
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data };
  return {
    problems: describeZodIssues(result.error, schema, source.data).map((problem) => ({
      ...source.locate(problem.path, problem.unknownKey),
      message: problem.message,
    })),
  };
}

/**
 * `page: 03` or `number: 03` without quotes is the number 3 in YAML: the zero is gone before
 * any schema sees it. Returns the advice to quote it, when that is what happened at `field`.
 */
function leadingZeroProblem(source: YamlSource, field: string): FileProblem | undefined {
  const written = source.sourceOf([field]);
  if (written === undefined || !/^[+-]?0\d+$/.test(written)) return undefined;
  return {
    ...source.locate([field]),
    message: `\`${field}: ${written}\` without quotes is read as the number ${Number(written)}, which drops the zero; write it in quotes: ${field}: "${written}".`,
  };
}

/**
 * Where the value at `path` is written in a content file, for problems found after parsing
 * (cross-file checks also run on cached entries, whose YAML is not at hand): the file is read
 * again, only when there is a problem to place.
 */
export function locateInFile(absolute: string, path: readonly PropertyKey[]): { line?: number; column?: number } {
  try {
    const text = readFileSync(absolute, 'utf8').replace(/\r\n?/g, '\n');
    const split = absolute.endsWith('.md') || absolute.endsWith('.mdx') ? splitFrontMatter(text) : { yaml: text, yamlLine: 1 };
    if ('problems' in split) return {};
    const source = parseYamlSource(split.yaml, split.yamlLine);
    return 'problems' in source ? {} : (source.locate(path) ?? {});
  } catch {
    return {};
  }
}
