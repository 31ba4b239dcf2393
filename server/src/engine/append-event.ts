import type { Sql } from '@beacon/db';
import type postgres from 'postgres';
import { LOG_CHANNEL } from './log-follower.ts';

export interface NewEvent {
  type: string;
  department: string;
  category: string;
  entityId: string;
  dedupeKey: string;
  sourceId: string;
  payload: postgres.JSONValue;
}

/**
 * Appends one event to the log inside the caller's transaction, the way every writer must: a
 * transaction id before the sequence number (log followers settle gaps by it), and a NOTIFY so every
 * node's follower reads it at commit instead of at its next poll. Receive time is the database's.
 * (Batches of records have their own one-statement path: ingest/store-records.ts.)
 */
export async function appendEvent(tx: Sql, e: NewEvent): Promise<{ seq: number; receivedAt: Date }> {
  await tx`select pg_current_xact_id()`;
  const [row] = await tx<{ seq: string; received_at: Date }[]>`
    insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
    values (${e.type}, ${e.department}, ${e.category}, ${e.entityId}, now(), ${e.dedupeKey}, ${e.sourceId}, ${tx.json(e.payload)})
    returning seq, received_at`;
  await tx`select pg_notify(${LOG_CHANNEL}, ${row!.seq})`;
  return { seq: Number(row!.seq), receivedAt: row!.received_at };
}
