import { isDeepStrictEqual } from 'node:util';
import type { BeaconEvent, DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import type postgres from 'postgres';
import { InputError, type Issue } from '../errors/input-error.ts';
import { LOG_CHANNEL } from '../engine/log-follower.ts';

/** A validated record ready for the log. */
export interface LogRecord {
  department: DepartmentId;
  category: string;
  entityId: string;
  observedAt: string;
  version: number;
  /** Same key ⇒ same record: a retry is answered as a duplicate instead of stored twice. */
  dedupeKey: string;
  sourceId: string;
  payload: Record<string, unknown>;
}

export interface StoreOptions {
  /**
   * Hold one lock from drawing sequence numbers to commit, so commit order is sequence order. Off:
   * the log follower settles gaps exactly without it (engine/log-follower.ts). Kept only so the
   * ingest bench can measure that alternative against the design in use (`bench:ingest` prints both).
   */
  appendLock?: boolean;
  /**
   * Called inside the transaction, before its commit, with the events it appends (log order). The
   * commit's NOTIFY can wake this node's log follower before the commit's own answer comes back;
   * told first, the follower folds them without reading their payloads back. If the transaction then
   * rolls back, their numbers never appear and the follower settles them as gaps: harmless.
   */
  beforeCommit?: (appended: readonly BeaconEvent[]) => void;
}

/**
 * The append: the whole batch as ONE JSON parameter, unpacked by PostgreSQL (no per-element array
 * escaping, no parameter limit, one round trip; tests/bench/ingest.bench.ts measures it against raw COPY).
 *
 * A retry of a committed record draws no sequence number: rows filtered here never reach the column
 * default. ON CONFLICT still catches a retry racing its original. The filter is a scalar subquery,
 * not NOT EXISTS, on purpose: the statement is prepared once per connection, and PostgreSQL's generic
 * plan for NOT EXISTS turned into a hash anti-join over a sequential scan of the whole log whenever
 * the table's statistics were older than its size — every batch read every event ever logged, and
 * ingest slowed in proportion to the log (25 → 240 ms of PostgreSQL CPU per 1,000 records from an
 * empty log to 500k events). A correlated scalar subquery is never turned into a join: it is one
 * probe of the dedupe index per record, whatever the statistics say (tests/integration/append-plan.test.ts).
 */
export const APPEND_SQL = `
  insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
  select 'record.received', d, c, e, o, k, s, p
  from jsonb_to_recordset($1) as t(d text, c text, e text, o timestamptz, k text, s text, p jsonb)
  where (select 1 from events x where x.dedupe_key = t.k limit 1) is null
  on conflict (dedupe_key) do nothing
  returning seq, dedupe_key, received_at`;

/** The lock of the `appendLock` alternative. */
const APPEND_LOCK_ID = 0x6265_6c67; // "belg"

export interface StoredRecord {
  index: number;
  seq: number;
  status: 'stored' | 'duplicate';
}

export interface StoreResult {
  records: StoredRecord[];
  /** The newly appended events, in log order, for the live engine. */
  appended: BeaconEvent[];
}

/**
 * Appends a batch to the event log and moves each entity's current-state row forward, in ONE
 * transaction: all of it or none. A record whose key is already logged with the same content is a
 * duplicate (acknowledged, not stored); with different content it is a conflict and the batch is refused.
 */
export async function storeRecords(sql: Sql, records: readonly LogRecord[], options: StoreOptions = {}): Promise<StoreResult> {
  return sql.begin(async (tx) => {
    // Take a transaction id BEFORE drawing sequence numbers: log followers rely on it to know when a
    // gap in the sequence is settled (see engine/log-follower.ts).
    await tx`select pg_current_xact_id()`;
    if (options.appendLock) await tx`select pg_advisory_xact_lock(${APPEND_LOCK_ID})`;
    const batch = records.map((r) => ({
      d: r.department, c: r.category, e: r.entityId, o: r.observedAt, k: r.dedupeKey, s: r.sourceId, p: r.payload,
    }));
    const inserted = await tx.unsafe<{ seq: string; dedupe_key: string; received_at: Date }[]>(APPEND_SQL, [tx.json(batch as unknown as postgres.JSONValue)], { prepare: true });
    const fresh = new Map(inserted.map((r) => [r.dedupe_key, r]));
    // One event per inserted row (a record repeated within the batch was inserted once), from its record.
    const recordOf = new Map<string, LogRecord>();
    for (const r of records) if (!recordOf.has(r.dedupeKey)) recordOf.set(r.dedupeKey, r);
    const appended: BeaconEvent[] = inserted
      .map((row): BeaconEvent => {
        const r = recordOf.get(row.dedupe_key)!;
        return {
          type: 'record.received',
          seq: Number(row.seq),
          receivedAt: row.received_at.toISOString(),
          department: r.department,
          category: r.category,
          entityId: r.entityId,
          observedAt: r.observedAt,
          version: r.version,
          payload: r.payload,
        };
      })
      .sort((a, b) => a.seq - b.seq);
    options.beforeCommit?.(appended);
    // Wake every node's follower at commit, saying how far the log now goes: one already there skips the read.
    if (inserted.length) await tx`select pg_notify(${LOG_CHANNEL}, ${String(Math.max(...inserted.map((r) => Number(r.seq))))})`;

    const repeatedKeys = records.filter((r) => !fresh.has(r.dedupeKey)).map((r) => r.dedupeKey);
    const existing = repeatedKeys.length
      ? await tx<{ seq: string; dedupe_key: string; payload: unknown }[]>`
          select seq, dedupe_key, payload from events where dedupe_key in ${tx(repeatedKeys)}`
      : [];
    const before = new Map(existing.map((r) => [r.dedupe_key, r]));

    const conflicts: Issue[] = [];
    // The same record twice in one batch (checkBatch refused it if the content differs) is stored
    // once: the first is 'stored', a repeat is a 'duplicate' of it, as a repeat in a later batch is.
    const answered = new Set<string>();
    const result: StoredRecord[] = records.map((r, index) => {
      const row = fresh.get(r.dedupeKey);
      if (row) {
        const repeat = answered.has(r.dedupeKey);
        answered.add(r.dedupeKey);
        return { index, seq: Number(row.seq), status: repeat ? 'duplicate' : 'stored' };
      }
      const prior = before.get(r.dedupeKey);
      if (!prior) throw new Error(`record ${r.dedupeKey} neither stored nor found`);
      if (!isDeepStrictEqual(prior.payload, JSON.parse(JSON.stringify(r.payload)))) {
        conflicts.push({
          path: `/records/${index}`,
          expected: 'the same content as the record already stored under this id and version, or a higher version to correct it',
          got: `different content for ${r.entityId} at ${r.observedAt} version ${r.version} (stored as seq ${prior.seq})`,
        });
      }
      return { index, seq: Number(prior.seq), status: 'duplicate' };
    });
    if (conflicts.length) {
      throw new InputError(409, 'BEACON_CONFLICT', `${conflicts.length} record(s) contradict records already stored; nothing was stored`, conflicts);
    }


    // Sorted: concurrent batches then lock current-state rows in one global order and cannot deadlock.
    const newest = newestPerEntity(records.filter((r) => fresh.has(r.dedupeKey))).sort(
      (a, b) => a.category.localeCompare(b.category) || a.entityId.localeCompare(b.entityId),
    );
    if (newest.length) {
      const stateRows = newest.map((r) => ({
        category: r.category,
        entity_id: r.entityId,
        observed_at: r.observedAt,
        version: r.version,
        seq: Number(fresh.get(r.dedupeKey)!.seq),
        payload: r.payload as unknown as postgres.JSONValue,
      }));
      // Only a newer observation (or a higher version of the same one) moves the row: late data never wins.
      await tx`
        insert into current_state ${tx(stateRows, 'category', 'entity_id', 'observed_at', 'version', 'seq', 'payload')}
        on conflict (category, entity_id) do update
          set observed_at = excluded.observed_at, version = excluded.version, seq = excluded.seq, payload = excluded.payload
          where (current_state.observed_at, current_state.version) < (excluded.observed_at, excluded.version)`;
    }
    return { records: result, appended };
  }) as Promise<StoreResult>;
}

/** One row per entity, the newest by observation time then version (one upsert may not touch a row twice). */
function newestPerEntity(records: readonly LogRecord[]): LogRecord[] {
  const best = new Map<string, LogRecord>();
  for (const r of records) {
    const key = `${r.category}\u0000${r.entityId}`;
    const cur = best.get(key);
    // observedAt is canonical UTC ISO 8601, so string order is time order.
    if (!cur || r.observedAt > cur.observedAt || (r.observedAt === cur.observedAt && r.version > cur.version)) best.set(key, r);
  }
  return [...best.values()];
}
