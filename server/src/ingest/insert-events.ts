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
  return tx.unsafe(SMALL_BATCH_SQL, [
    seqs.map(String), ...rowColumns(rows), newest.map((n) => n.index + 1), newest.map((n) => n.version), channel, String(Math.max(...seqs)),
  ], { prepare: true });
}

/**
 * The rows into the log and each entity's newest into `current_state`, from a `batch` CTE of columns
 * (s, d, c, e, o, k, src, p, i) — number, department, category, entity, observed at, key, source,
 * payload, 1-based position — and the current-state rows as two array parameters (positions, versions)
 * in lock order. Shared by both small-batch statements.
 */
function writeBatch(newestIndex: string, newestVersion: string): string {
  return `
  appended as (
    insert into events (seq, type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
    select s, 'record.received', d, c, e, o::timestamptz, k, src, p::jsonb from batch order by s
  ),
  current as (
    insert into current_state (category, entity_id, observed_at, version, seq, payload)
    select b.c, b.e, b.o::timestamptz, n.v, b.s, b.p::jsonb
    from unnest(${newestIndex}::bigint[], ${newestVersion}::int[]) with ordinality as n(i, v, rank)
    join batch b on b.i = n.i
    order by n.rank
    ${MOVE_CURRENT_STATE}
  )`;
}

/** A batch's rows as the seven text arrays `batch` unnests (d, c, e, o, k, src, p). */
function rowColumns(rows: readonly EventRow[]): string[][] {
  return [
    rows.map((r) => r.department), rows.map((r) => r.category), rows.map((r) => r.entityId), rows.map((r) => r.observedAt),
    rows.map((r) => r.dedupeKey), rows.map((r) => r.sourceId), rows.map((r) => JSON.stringify(r.payload)),
  ];
}

/** $1 the numbers, $2..$8 the rows' columns, $9/$10 the current-state rows, $11 the channel, $12 the highest number. */
const SMALL_BATCH_SQL = `
  with batch as materialized (
    select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
      with ordinality as r(s, d, c, e, o, k, src, p, i)
  ),
  ${writeBatch('$9', '$10')}
  select pg_notify($11, $12)`;

/** What `appendFreshSmallBatch` answers: the keys already logged (nothing written), or the numbers it drew and wrote. */
export type FreshAppendRow =
  | { seq: string; dedupe_key: string; payload: unknown; seqs: null; at: null }
  | { seq: null; dedupe_key: null; payload: null; seqs: string; at: Date };

/**
 * The whole append of a small batch none of whose keys is logged yet — the usual batch — as ONE
 * statement outside any explicit transaction (PostgreSQL runs a lone statement as its own transaction):
 * the key lookup, the draw of the numbers, the rows, the current-state rows and the NOTIFY. BEGIN, the
 * lookup and COMMIT were three more round trips, each a statement PostgreSQL parses and postgres.js
 * builds and reads. When any key is logged the statement draws and writes nothing and answers those
 * keys: the caller then takes the transactional path, which sorts out duplicates and conflicts.
 *
 * The transaction id is taken BEFORE the numbers are drawn, as every writer must (engine/log-follower.ts):
 * the draw's one-time filter reads it first. Rows and current-state rows as in `appendSmallBatch`.
 * $1 keys (distinct), $2..$8 the rows' columns, $9/$10 the current-state rows (1-based index, version),
 * $11 the NOTIFY channel. Prepared (`unsafe` is not by default): one round trip, not two; still planned
 * at every call (db/src/client.ts, PLAN_CACHE_MODE), for the lookup's sake (store-records.ts, ALREADY_LOGGED_SQL).
 */
export const FRESH_SMALL_BATCH_SQL = `
  with xid as materialized (select pg_current_xact_id() as xid),
  logged as materialized (${alreadyLogged('$1')}),
  drawn as materialized (
    select i, nextval('events_seq_seq') as s from generate_series(1, cardinality($2::text[])) as i
    where (select xid from xid) is not null and not exists (select 1 from logged)
  ),
  batch as materialized (
    select d.s, r.*
    from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
      with ordinality as r(d, c, e, o, k, src, p, i)
    join drawn d on d.i = r.i
  ),
  ${writeBatch('$9', '$10')}
  select seq::text, dedupe_key, payload, null as seqs, null::timestamptz as at from logged
  union all
  select null, null, null, array_to_string(array(select s from drawn order by i), ','), now()
  from (select max(s) as top from drawn) as d, lateral (select pg_notify($11, d.top::text)) as n
  where d.top is not null`;

export function appendFreshSmallBatch(
  sql: postgres.Sql,
  keys: readonly string[],
  rows: readonly EventRow[],
  newest: readonly NewestOfEntity[],
  channel: string,
): Promise<FreshAppendRow[]> {
  if (!rows.length) throw new Error('appendFreshSmallBatch: no rows');
  return sql.unsafe<FreshAppendRow[]>(FRESH_SMALL_BATCH_SQL, [
    keys as string[], ...rowColumns(rows), newest.map((n) => n.index + 1), newest.map((n) => n.version), channel,
  ], { prepare: true });
}

/**
 * Records already in the log, by key: one probe of the dedupe index per key (see ALREADY_LOGGED_SQL
 * in store-records.ts for why this shape). `keys`: the SQL of a text[] parameter.
 */
export function alreadyLogged(keys: string): string {
  return `select e.seq::text as seq, e.dedupe_key, e.payload
  from unnest(${keys}::text[]) as k(key)
  cross join lateral (select seq, dedupe_key, payload from events where dedupe_key = k.key limit 1) as e`;
}
