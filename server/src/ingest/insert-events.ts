import type postgres from 'postgres';
import type { EventRow } from './copy-events.ts';

/**
 * The rows as one INSERT from arrays, one statement: it can go out in the same round trip as the
 * statements after it (the NOTIFY and the current-state upsert), where COPY needs two of its own
 * (start, then data). For a small batch the round trips are most of the cost — on this machine each
 * loopback write costs the server ~0.1 ms of CPU — while COPY's cheaper per-row work in PostgreSQL
 * (copy-events.ts) pays only for large batches. Returns the statement unawaited, so the caller can
 * pipeline it.
 */
export function insertEvents(tx: postgres.TransactionSql, rows: readonly EventRow[], seqs: readonly number[]): postgres.PendingQuery<postgres.Row[]> {
  if (rows.length !== seqs.length) throw new Error(`insertEvents: ${rows.length} rows but ${seqs.length} sequence numbers`);
  return tx`
    insert into events (seq, type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
    select s, 'record.received', d, c, e, o::timestamptz, k, src, p::jsonb
    from unnest(
      ${seqs.map(String)}::bigint[], ${rows.map((r) => r.department)}::text[], ${rows.map((r) => r.category)}::text[],
      ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => r.observedAt)}::text[], ${rows.map((r) => r.dedupeKey)}::text[],
      ${rows.map((r) => r.sourceId)}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::text[]
    ) as r(s, d, c, e, o, k, src, p)`;
}
