import type { Issue } from '../errors/error-body.schema.ts';

/**
 * The one text rule for everything that comes from outside: no NUL (U+0000) and no lone (unpaired)
 * UTF-16 surrogate, in any string value or object key, anywhere in a document.
 *
 * Why: PostgreSQL cannot store U+0000 in text or jsonb, and a lone surrogate is not Unicode (it
 * cannot be encoded as UTF-8): both failed at the database as 500s after validation had passed.
 * Everything else — any other control character, any script, emoji (a surrogate PAIR) — is text.
 */

export const TEXT_EXPECTED = 'text without NUL (U+0000) or unpaired surrogates (U+D800–U+DFFF alone)';

/** NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_ALL = new RegExp(BAD.source, 'g');

export function isCleanText(s: string): boolean {
  return !BAD.test(s);
}

/** The string with each offending code unit written as a visible escape ("\u0000", "\ud800"), clipped. */
export function showText(s: string, max = 120): string {
  const shown = s.replace(BAD_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > max ? `${shown.slice(0, max)}… (${s.length} characters)` : shown;
}

/** An Issue whose path is the JSON pointer (RFC 6901) of the string, or of the object member whose NAME is bad; `got` shows it escaped. */
export type TextIssue = Issue & { got: string };

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Where a value sits, as a chain of segments up to the document: its JSON pointer is built only when an issue needs it. */
type Where = { up: Where; segment: string } | null;

function pointer(base: string, where: Where): string {
  const segments: string[] = [];
  for (let w = where; w; w = w.up) segments.push(escapePointer(w.segment));
  let path = base;
  for (let i = segments.length - 1; i >= 0; i--) path += `/${segments[i]!}`;
  return path;
}

/**
 * Every string (and object key) in `value` breaking the text rule, with its JSON pointer under
 * `base` (a bad object key is reported once, with its characters escaped in the path). Iterative, so a deeply nested document cannot exhaust the stack.
 * Every ingest batch passes here whole, so a clean value costs one regex test and no string building.
 */
export function textIssues(value: unknown, base = ''): TextIssue[] {
  const issues: TextIssue[] = [];
  const stack: [unknown, Where][] = [[value, null]];
  while (stack.length) {
    const [v, where] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isCleanText(v)) issues.push({ path: pointer(base, where), expected: TEXT_EXPECTED, got: showText(v) });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], { up: where, segment: String(i) }]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (!isCleanText(key)) {
          // The pointer shows the bad characters escaped (a path is logged and stored too); not descended into.
          const shown = showText(key, Number.POSITIVE_INFINITY);
          issues.push({ path: pointer(base, { up: where, segment: shown }), expected: `a field name that is ${TEXT_EXPECTED}`, got: showText(key) });
          continue;
        }
        stack.push([(v as Record<string, unknown>)[key], { up: where, segment: key }]);
      }
    }
  }
  return issues;
}
