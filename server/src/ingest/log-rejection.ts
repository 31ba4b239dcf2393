import { randomUUID } from 'node:crypto';
import type { BeaconEvent, DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { appendEvent } from '../engine/append-event.ts';
import type { InputError } from '../errors/input-error.ts';

/** "/records/3/rainfall1hMm: expected number ≤ 400, got 999" — the first issue, as a duty officer reads it. */
export function reasonOf(error: InputError): string {
  const first = error.issues[0];
  if (!first) return error.message;
  const got = typeof first.got === 'string' ? first.got : JSON.stringify(first.got);
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${first.path || 'body'}: expected ${first.expected}, got ${got}${more}`.slice(0, 300);
}

/**
 * Logs a refused batch as a `feed.rejected` event, so feed health shows it on every screen and in
 * replay. Its own small transaction: the refused records themselves are never stored.
 */
export async function logRejection(
  sql: Sql,
  source: { credentialId: string; department: DepartmentId; category: string },
  records: number,
  error: InputError,
): Promise<BeaconEvent> {
  const payload = { records, code: error.code, reason: reasonOf(error) };
  return sql.begin(async (tx) => {
    const row = await appendEvent(tx as unknown as Sql, {
      type: 'feed.rejected', department: source.department, category: source.category, entityId: '',
      dedupeKey: `rejected:${randomUUID()}`, sourceId: source.credentialId, payload,
    });
    return {
      type: 'feed.rejected' as const,
      seq: row.seq,
      receivedAt: row.receivedAt.toISOString(),
      department: source.department,
      category: source.category,
      ...payload,
    };
  }) as Promise<BeaconEvent>;
}
