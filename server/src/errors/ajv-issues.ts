import { isCleanText, parseInstant, showText } from '@beacon/shared';
import type { Issue } from './input-error.ts';

/** The fields of an Ajv error we read (Fastify hands these over as `error.validation`). */
export interface AjvErrorLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Translates Ajv's errors into issues an integrator can act on without reading JSON Schema. */
export function issuesFromAjv(errors: readonly AjvErrorLike[], body: unknown): Issue[] {
  const issues = errors.map((e) => toIssue(e, body));
  // Ajv can report the same place twice (e.g. a union); keep the first of each path+expectation.
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toIssue(e: AjvErrorLike, body: unknown): Issue {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { path: `${e.instancePath}/${escapePointer(String(p.missingProperty))}`, expected: 'a value (required)', got: 'nothing' };
    case 'additionalProperties': {
      const path = `${e.instancePath}/${escapePointer(String(p.additionalProperty))}`;
      return { path, expected: 'no such field (unknown property)', got: valueAt(body, path) };
    }
    case 'type':
      return { path: e.instancePath, expected: `${String(p.type)}`, got: describe(rawAt(body, e.instancePath)) };
    case 'minimum':
      return { path: e.instancePath, expected: `number ≥ ${String(p.limit)}`, got: valueAt(body, e.instancePath) };
    case 'maximum':
      return { path: e.instancePath, expected: `number ≤ ${String(p.limit)}`, got: valueAt(body, e.instancePath) };
    case 'exclusiveMinimum':
      return { path: e.instancePath, expected: `number > ${String(p.limit)}`, got: valueAt(body, e.instancePath) };
    case 'exclusiveMaximum':
      return { path: e.instancePath, expected: `number < ${String(p.limit)}`, got: valueAt(body, e.instancePath) };
    case 'minItems':
      return { path: e.instancePath, expected: `at least ${String(p.limit)} items`, got: countOf(body, e.instancePath) };
    case 'maxItems':
      return { path: e.instancePath, expected: `at most ${String(p.limit)} items`, got: countOf(body, e.instancePath) };
    case 'minLength':
    case 'maxLength':
      return { path: e.instancePath, expected: `string ${e.message ?? ''}`.trim(), got: valueAt(body, e.instancePath) };
    case 'pattern':
      return { path: e.instancePath, expected: `string matching ${String(p.pattern)}`, got: valueAt(body, e.instancePath) };
    case 'format': {
      // A date-time says which rule it broke (offset, range of years, leap second …), from the shared reader.
      const raw = rawAt(body, e.instancePath);
      const time = p.format === 'date-time' && typeof raw === 'string' ? parseInstant(raw) : null;
      return { path: e.instancePath, expected: time && !time.ok ? time.expected : formatName(String(p.format)), got: valueAt(body, e.instancePath) };
    }
    case 'beaconText':
      // The text rule (server/src/validation/ajv-policy.ts): the path may name an object key, so `got` comes with the error.
      return { path: e.instancePath, expected: e.message ?? 'text', got: p.got };
    case 'enum':
      return {
        path: e.instancePath,
        expected: `one of ${JSON.stringify(p.allowedValues)}`,
        got: valueAt(body, e.instancePath),
      };
    case 'const':
      return { path: e.instancePath, expected: `exactly ${JSON.stringify(p.allowedValue)}`, got: valueAt(body, e.instancePath) };
    case 'integer':
    case 'multipleOf':
    default:
      return { path: e.instancePath, expected: e.message ?? e.keyword, got: valueAt(body, e.instancePath) };
  }
}

function formatName(format: string): string {
  if (format === 'date-time') return 'date-time string (RFC 3339 with offset Z or ±hh:mm, years 1970–9999, e.g. 2026-09-14T08:05:00+08:00)';
  return `${format} string`;
}

/** RFC 6901: a property name inside a JSON pointer escapes "~" and "/". */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads a JSON pointer, trimming long values so an error never echoes a huge payload back. */
export function valueAt(body: unknown, pointer: string): unknown {
  return clip(rawAt(body, pointer));
}

function rawAt(body: unknown, pointer: string): unknown {
  let cur: unknown = body;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function clip(v: unknown): unknown {
  if (v === undefined) return 'nothing';
  // Never echo NUL or a lone surrogate: the issue is also logged (feed.rejected) and PostgreSQL cannot store them.
  if (typeof v === 'string' && !isCleanText(v)) return showText(v);
  if (typeof v === 'string' && v.length > 120) return `${v.slice(0, 120)}… (${v.length} characters)`;
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (v !== null && typeof v === 'object') return 'object';
  return v;
}

function describe(v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${JSON.stringify(clip(v))}`;
  return clip(v);
}

function countOf(body: unknown, pointer: string): unknown {
  const cur = rawAt(body, pointer);
  return Array.isArray(cur) ? `${cur.length} items` : describe(cur);
}
