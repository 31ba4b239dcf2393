import type postgres from 'postgres';
import type { EventRow } from './copy-events.ts';

/**
 * The conflict clause of every current-state upsert: only a newer observation (or a higher version of
 * the same one) moves an entity's row, so late data never wins.
 */
export const MOVE_CURRENT_STATE = `on conflict (category, entity_id) do update
  set observed_at = excluded.observed_at, version = excluded.version, seq = excluded.seq, payload = excluded.payload
  where (current_state.observed_at, current_state.version) < (excluded.observed_at, excluded.version)`;

/** An entity's newest record in the batch, for the current-state row: its index among the rows, and its version. */
export interface NewestOfEntity {
  index: number;
  version: number;
}

/**
 * A small batch's whole write as ONE statement: the rows into the log, each entity's newest into
 * `current_state`, and the NOTIFY that wakes every node's follower at commit. For a small batch the
 * statements are most of the cost — each one is a message PostgreSQL parses, plans and answers, and
 * postgres.js builds and reads (~50 µs of the server's CPU each here, on top of the round trip) — so
 * three became one. COPY's cheaper per-row work in PostgreSQL (copy-events.ts) pays only for large
 * batches, which still take that path.
 *
 * - The rows travel once, as arrays; the current-state rows pick theirs by index (`newest`), in the
 *   order given: the caller sorts them, so concurrent batches lock current-state rows in one global
 *   order (and in the same order as the large-batch path) and cannot deadlock.
 * - A key already logged makes the statement fail with a unique violation (23505) and nothing of it
 *   is written: the caller decides what that means (store-records.ts).
 *
 * Returned unawaited, so the caller can pipeline it.
 */
export function appendSmallBatch(
  tx: postgres.TransactionSql,
  rows: readonly EventRow[],
  seqs: readonly number[],
  newest: readonly NewestOfEntity[],
  channel: string,
): postgres.PendingQuery<postgres.Row[]> {
  if (rows.length !== seqs.length) throw new Error(`appendSmallBatch: ${rows.length} rows but ${seqs.length} sequence numbers`);
  if (!rows.length) throw new Error('appendSmallBatch: no rows');
  return tx`
    with batch as materialized (
      select * from unnest(
        ${seqs.map(String)}::bigint[], ${rows.map((r) => r.department)}::text[], ${rows.map((r) => r.category)}::text[],
        ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => r.observedAt)}::text[], ${rows.map((r) => r.dedupeKey)}::text[],
        ${rows.map((r) => r.sourceId)}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::text[]
      ) with ordinality as r(s, d, c, e, o, k, src, p, i)
    ),
    logged as (
      insert into events (seq, type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
      select s, 'record.received', d, c, e, o::timestamptz, k, src, p::jsonb from batch
    ),
    current as (
      insert into current_state (category, entity_id, observed_at, version, seq, payload)
      select b.c, b.e, b.o::timestamptz, n.v, b.s, b.p::jsonb
      from unnest(${newest.map((n) => n.index + 1)}::bigint[], ${newest.map((n) => n.version)}::int[]) with ordinality as n(i, v, rank)
      join batch b on b.i = n.i
      order by n.rank
      ${tx.unsafe(MOVE_CURRENT_STATE)}
    )
    select pg_notify(${channel}, ${String(Math.max(...seqs))})`;
}
