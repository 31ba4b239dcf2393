import { MAX_MESSAGE_ID_LENGTH as MAX_ID_LENGTH } from '@beacon/shared/schemas.ts';
import { InputError, type Issue } from '../../errors/input-error.ts';

/** The same limit as an HTTP batch: a message is a reading or a batch, never a bulk load. */
export const MQTT_MAX_BYTES = 256 * 1024;

export interface MqttBatch {
  /** Handed to the pipeline as is: it judges the records, the same way for every transport. */
  batch: { records: unknown };
  /** The sender's optional "id" on a {"records": [...]} message, echoed in the reply for correlation. */
  id?: string;
  /** A bare record was sent: issue paths are rewritten to point into it ("/rainfall1hMm", not "/records/0/..."). */
  single: boolean;
}

/**
 * Reads a message: one record `{...}`, a batch `{"records": [...], "id"?: "..."}` or an array of
 * records. Throws InputError (413 too large, 400 not JSON / not an object) naming what is wrong.
 */
export function parseMqttPayload(payload: Buffer, maxBytes = MQTT_MAX_BYTES): MqttBatch {
  if (payload.length > maxBytes) {
    throw new InputError(413, 'BEACON_MESSAGE_TOO_LARGE', 'the message is larger than Beacon accepts; split the batch; nothing was stored', [
      { path: '', expected: `a message of at most ${maxBytes} bytes`, got: `${payload.length} bytes` },
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch (err) {
    throw new InputError(400, 'BEACON_MALFORMED_JSON', 'the message is not valid JSON; nothing was stored', [
      { path: '', expected: 'a JSON record or {"records": [...]}', got: (err as Error).message },
    ]);
  }
  if (Array.isArray(body)) return { batch: { records: body }, single: false };
  if (body === null || typeof body !== 'object') {
    throw new InputError(400, 'BEACON_INVALID_INPUT', 'a message is a JSON object; nothing was stored', [
      { path: '', expected: 'a JSON record or {"records": [...]}', got: JSON.stringify(body) },
    ]);
  }
  const o = body as Record<string, unknown>;
  if (!Object.hasOwn(o, 'records')) return { batch: { records: [o] }, single: true };
  const { id, ...batch } = o;
  if (id !== undefined && (typeof id !== 'string' || !id || id.length > MAX_ID_LENGTH)) {
    throw new InputError(400, 'BEACON_INVALID_INPUT', 'the message id is not usable; nothing was stored', [
      { path: '/id', expected: `a string of 1 to ${MAX_ID_LENGTH} characters (echoed in the reply)`, got: id },
    ]);
  }
  // Any other envelope field stays in the batch: the pipeline names it as unknown.
  return { batch: batch as { records: unknown }, single: false, ...(typeof id === 'string' ? { id } : {}) };
}

/** For a bare record, "/records/0/x" → "/x": the path points into what was sent. */
export function pointIntoSent(issues: readonly Issue[], single: boolean): Issue[] {
  if (!single) return [...issues];
  return issues.map((i) => (i.path === '/records/0' || i.path.startsWith('/records/0/') ? { ...i, path: i.path.slice('/records/0'.length) } : i));
}
