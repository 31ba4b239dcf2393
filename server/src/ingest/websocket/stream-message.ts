import type { ErrorCode } from '@beacon/shared';
import { MAX_MESSAGE_ID_LENGTH as MAX_ID_LENGTH } from '@beacon/shared/schemas.ts';
import { escapePointer, valueAt } from '../../errors/ajv-issues.ts';
import { InputError, type Issue } from '../../errors/input-error.ts';

/** One message on the stream: a batch for one category, with the client's id echoed in the reply. */
export interface StreamMessage {
  id: string;
  category: string;
  /** Handed to the pipeline as is: `{ records }`, validated there like an HTTP body. */
  batch: { records: unknown };
}

export type ParsedMessage = { ok: true; message: StreamMessage } | { ok: false; id: string | null; error: InputError };

const fields = new Set(['id', 'category', 'records']);

/**
 * Reads one frame into a message, or an InputError naming every envelope problem (the records
 * themselves are the pipeline's to judge, so every transport gets the same answers about them).
 */
export function parseStreamMessage(data: Buffer, limit: number): ParsedMessage {
  if (data.length > limit) {
    // Not parsed (that is the point of the limit), but the id is usually near the start: echo it if found.
    return refuse(sniffId(data), 413, 'BEACON_MESSAGE_TOO_LARGE', 'the message is larger than the stream accepts; split the batch', [
      { path: '', expected: `a message of at most ${limit} bytes`, got: `${data.length} bytes` },
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(data.toString('utf8'));
  } catch (err) {
    return refuse(sniffId(data), 400, 'BEACON_MALFORMED_JSON', 'the message is not valid JSON; nothing was stored', [
      { path: '', expected: 'a JSON object {"id", "category", "records"}', got: (err as Error).message },
    ]);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return refuse(null, 400, 'BEACON_INVALID_INPUT', 'a message is a JSON object; nothing was stored', [
      { path: '', expected: 'a JSON object {"id", "category", "records"}', got: Array.isArray(body) ? `array of ${body.length}` : JSON.stringify(body) },
    ]);
  }
  const o = body as Record<string, unknown>;
  const issues: Issue[] = [];
  const idOk = typeof o.id === 'string' && o.id.length > 0 && o.id.length <= MAX_ID_LENGTH;
  if (!idOk) issues.push({ path: '/id', expected: `a string of 1 to ${MAX_ID_LENGTH} characters (echoed in the reply)`, got: describe(o, '/id') });
  if (typeof o.category !== 'string' || !o.category) issues.push({ path: '/category', expected: 'a category id, e.g. "rain-gauge"', got: describe(o, '/category') });
  for (const key of Object.keys(o)) {
    if (!fields.has(key)) issues.push({ path: `/${escapePointer(key)}`, expected: 'no such field (a message has id, category, records)', got: valueAt(o, `/${escapePointer(key)}`) });
  }
  const id = idOk ? (o.id as string) : null;
  if (issues.length) return refuse(id, 400, 'BEACON_INVALID_INPUT', `${issues.length} problem(s) in the message; nothing was stored`, issues);
  // "records" absent stays absent: the pipeline then names /records as required.
  const batch = Object.hasOwn(o, 'records') ? { records: o.records } : ({} as { records: unknown });
  return { ok: true, message: { id: o.id as string, category: o.category as string, batch } };
}

function refuse(id: string | null, status: number, code: ErrorCode, message: string, issues: Issue[]): ParsedMessage {
  return { ok: false, id, error: new InputError(status, code, message, issues) };
}

function describe(o: Record<string, unknown>, pointer: string): unknown {
  const v = valueAt(o, pointer);
  return typeof v === 'string' && v !== 'nothing' ? `string ${JSON.stringify(v)}` : v;
}

/** The id of a message we will not parse, if it sits in the first bytes; null otherwise. */
function sniffId(data: Buffer): string | null {
  const m = /"id"\s*:\s*"([^"\\]{1,128})"/.exec(data.subarray(0, 512).toString('utf8'));
  return m?.[1] ?? null;
}
