import type { z } from 'astro/zod';
import { recordMeta, type RecordMeta } from '../schemas/records.ts';
import { nearestName } from './nearest-name.ts';

/**
 * The one formatter of zod issues in Newsprint: content files (the loaders), options
 * (src/integration/validate-options.ts) and the importer (src/importer/serialize.ts) all speak
 * through it, so the same mistake gets the same words everywhere. Pure: no Astro imports.
 */

/** One problem with one field, in words an editor understands. */
export interface Problem {
  /** Where the problem is, as keys and list positions (0-based), for finding its line. */
  path: readonly PropertyKey[];
  /** A full sentence naming the field, what is wrong, and the fix. */
  message: string;
  /** Set when the field itself is not known (its key is at fault, not its value). */
  unknownKey?: boolean;
}

type Schema = z.core.$ZodType;

/** `schema` without its optional, default, pipe and union wrappers; `next` is the path step that follows. */
function unwrap(schema: Schema, next: PropertyKey | undefined): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        current = def.innerType as Schema;
        break;
      case 'pipe': {
        const inner = def.in as Schema;
        current = (inner._zod.def.type === 'transform' ? def.out : inner) as Schema;
        break;
      }
      case 'union': {
        // A path goes into a list or a record: take the option that has one.
        const options = def.options as Schema[];
        const wanted = typeof next === 'number' ? 'array' : 'object';
        current = options.find((o) => unwrap(o, next)._zod.def.type === wanted) ?? options[0]!;
        break;
      }
      default:
        return current;
    }
  }
}

/** The schema at `path` inside `schema`. */
function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let current = unwrap(schema, path[0]);
  for (let i = 0; i < path.length; i++) {
    const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    let child: Schema | undefined;
    if (def.type === 'object') child = (def.shape as Record<string, Schema>)[String(path[i])];
    else if (def.type === 'array') child = def.element as Schema;
    if (!child) return undefined;
    current = unwrap(child, path[i + 1]);
  }
  return current;
}

/** The record meta and known keys of the object at `path`, when there is one. */
function recordAt(schema: Schema, path: readonly PropertyKey[]): { meta: RecordMeta; keys: string[] } | undefined {
  const target = schemaAt(schema, path);
  if (!target || target._zod.def.type !== 'object') return undefined;
  const keys = Object.keys((target._zod.def as z.core.$ZodObjectDef).shape);
  const meta = recordMeta.get(target as z.ZodType) ?? { noun: 'this entry' };
  return { meta, keys };
}

/** A path as an editor reads it: `byline`, entry 2, `names` → "`names` of byline entry 2". */
export function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.filter((p) => typeof p !== 'number').map(String);
  const last = keys.at(-1);
  if (last === undefined) return 'the whole file';
  const positions: string[] = [];
  path.forEach((p, i) => {
    if (typeof p === 'number') positions.push(`\`${String(path[i - 1] ?? 'list')}\` entry ${p + 1}`);
  });
  const trailingIndex = typeof path.at(-1) === 'number';
  if (trailingIndex) return `\`${last}\` entry ${(path.at(-1) as number) + 1}`;
  return positions.length > 0 ? `\`${last}\` of ${positions.join(', ')}` : `\`${last}\``;
}

/** zod's own English (`Too small: expected …`) is replaced; our schemas' sentences are kept. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required|String must|Number must|Array must)/;

function plainWords(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `it needs at least ${String(issue.minimum)} entries` : issue.origin === 'string' ? 'it is empty; write a value or delete the line' : `it must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `it must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a group of fields' : issue.expected === 'string' ? 'text' : issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return 'this value is not valid here';
  }
}

/** The value at `path` in `data`, or undefined when there is none. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeInput(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (input !== null && typeof input === 'object') return 'a group of fields';
  return JSON.stringify(input) ?? String(input);
}

/**
 * One `Problem` per zod issue (and one per unknown key), each a sentence that names the field
 * and says what to write. `schema` is the schema that produced `error` from `data`: it tells
 * which fields a record knows, so a misspelt one gets the nearest known name.
 */
export function describeZodIssues(error: z.core.$ZodError, schema: Schema, data: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const record = recordAt(schema, issue.path);
      const noun = record?.meta.noun ?? 'this entry';
      const word = record?.meta.keyWord ?? 'field';
      for (const key of issue.keys) {
        const near = record ? nearestName(key, record.keys, record.meta.aliases) : undefined;
        const advice = near
          ? `did you mean \`${near}\`?`
          : `the ${word}s of ${noun} are ${(record?.keys ?? []).map((k) => `\`${k}\``).join(', ')}; correct the name or delete the line`;
        problems.push({ path: [...issue.path, key], unknownKey: true, message: `\`${key}\` is not ${word === 'option' ? 'an option' : 'a field'} of ${noun}; ${advice}` });
      }
      continue;
    }
    const words = plainWords(issue);
    const field = fieldName(issue.path);
    const input = valueAt(data, issue.path);
    let message: string;
    if (input === undefined && issue.path.length > 0 && issue.code !== 'custom') message = `${field} is missing: ${words}`;
    else if (input === null) message = `${field} is empty: ${words}`;
    else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') message = `${field} is ${describeInput(input)}: ${words}`;
    else message = `${field}: ${words}`;
    problems.push({ path: issue.path, message: /[.?!]$/.test(message) ? message : `${message}.` });
  }
  return problems;
}
