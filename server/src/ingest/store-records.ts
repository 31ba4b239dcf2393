import { isDeepStrictEqual } from 'node:util';
import type { BeaconEvent, DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import type postgres from 'postgres';
import { InputError, type Issue } from '../errors/input-error.ts';
import { LOG_CHANNEL } from '../engine/log-follower.ts';
import { copyEvents } from './copy-events.ts';
import { alreadyLogged, appendFreshSmallBatch, appendSmallBatch, MOVE_CURRENT_STATE, type FreshAppendRow } from './insert-events.ts';

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
  /**
   * Told the sequence numbers the moment they are drawn, and again when their transaction has ended:
   * `committed` once the commit is acknowledged, not when it rolled back or its outcome is unknown
   * (a lost answer to COMMIT). Between the two, this node's log follower waits for the end instead of bounding and
   * rechecking the gap they leave (engine/log-follower.ts, `own`).
   */
  onDrawn?: (seqs: readonly number[]) => void;
  onEnded?: (seqs: readonly number[], committed: boolean) => void;
  /**
   * Told when a one-statement append (no explicit transaction) is sent, whose numbers are known only
   * with its answer; what it returns is called once that answer is handled — after `onDrawn`,
   * `beforeCommit` and `onEnded` when it committed — or once it failed. The commit's NOTIFY can reach
   * this node's log follower before the answer; told, the follower waits for it instead of reading the
   * log (engine/log-follower.ts, `appending`).
   */
  onStatementSent?: () => () => void;
}

/** The lock of the `appendLock` alternative. */
const APPEND_LOCK_ID = 0x6265_6c67; // "belg"

/**
 * Records already in the log, by key: one probe of the dedupe index per key. Each key is looked up in
 * a LATERAL subquery with LIMIT 1, which PostgreSQL cannot flatten into a join, so the choice is per
 * key — a probe, unless the log is a page or two. The plain `dedupe_key = any($1)` it replaces chose,
 * for a batch of 1,000 keys, one sequential scan of the whole log whenever that looked cheaper than
 * 1,000 probes: on a log of up to a few hundred thousand events, or one whose statistics lagged its
 * growth (30 ms per batch at 200k events, against 1.4 ms for the probes); planning its 1,000-element
 * array also cost ~2 ms per batch, this form ~0.15 ms. Planned at each call: a prepared statement may
 * otherwise run on a generic plan made once and kept, and the plan made for a one-page log is a scan
 * (tests/integration/kept-plans.test.ts shows all three); the app's connections plan every execution
 * (db/src/client.ts, PLAN_CACHE_MODE). The NOT EXISTS filter ingest used before had exactly that fate:
 * PostgreSQL CPU per 1,000 records grew 25 → 240 ms from an empty log to 500k events.
 */
export const ALREADY_LOGGED_SQL = alreadyLogged('$1');

/**
 * A batch of at most this many distinct records is appended by statements that carry its rows as
 * arrays: when none of its keys is logged (the usual batch), in ONE statement and no explicit
 * transaction (insert-events.ts, FRESH_SMALL_BATCH_SQL); otherwise in a transaction whose numbers are
 * drawn with the key lookup, its rows, current-state rows and NOTIFY one statement. Larger batches are
 * COPYed (copy-events.ts).
 */
export const SMALL_BATCH = 64;

/**
 * The lookup of ALREADY_LOGGED_SQL, and in the same statement the batch's numbers — drawn only when
 * none of its keys is logged (the usual fresh batch): the gating filter is checked before `nextval`
 * runs, so a batch with a duplicate draws nothing here, and a retry burns no number
 * (tests/integration/append-paths.test.ts checks that).
 * $1: the batch's distinct keys; $2: how many.
 */
export const LOOKUP_AND_DRAW_SQL = `
  with logged as materialized (${ALREADY_LOGGED_SQL}),
  drawn as (select ${drawNumbers('$2')} where not exists (select 1 from logged))
  select seq, dedupe_key, payload, null as seqs, null::timestamptz as at from logged
  union all
  select null, null, null, seqs, at from drawn`;

/** `count` fresh numbers as one row, not one per number: the numbers comma-separated, and the transaction's time. */
function drawNumbers(count: string): string {
  // events_seq_seq is the sequence behind events.seq (a bigserial, db/migrations/0000); now() is the
  // transaction's time, which received_at's default also writes.
  return `array_to_string(array(select nextval('events_seq_seq') from generate_series(1, ${count}::int)), ',') as seqs, now() as at`;
}

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

/** How many times a batch is tried when a copy of one of its records was committed by another transaction meanwhile. */
const ATTEMPTS = 3;

/**
 * Appends a batch to the event log and moves each entity's current-state row forward, in ONE
 * transaction: all of it or none. A record whose key is already logged with the same content is a
 * duplicate (acknowledged, not stored); with different content it is a conflict and the batch is refused.
 *
 * A retry racing its original (both running, neither committed when the other looked) meets the
 * unique index: the later one's COPY waits for the earlier to commit, then fails; the batch is tried
 * again, and then finds the original logged and answers it as a duplicate. Nothing stored twice,
 * nothing lost.
 */
export async function storeRecords(sql: Sql, records: readonly LogRecord[], options: StoreOptions = {}): Promise<StoreResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(sql, records, options);
    } catch (error) {
      if (attempt < ATTEMPTS && isLoggedMeanwhile(error)) continue;
      throw error;
    }
  }
}

function isLoggedMeanwhile(error: unknown): boolean {
  const e = error as { code?: unknown; constraint_name?: unknown } | null;
  return e?.code === '23505' && e.constraint_name === 'events_dedupe_key_unique';
}

async function storeOnce(sql: Sql, records: readonly LogRecord[], options: StoreOptions): Promise<StoreResult> {
  // The same record twice in one batch (checkBatch refused it if the content differs) is stored
  // once: the first is 'stored', a repeat is a 'duplicate' of it, as a repeat in a later batch is.
  const firstOfKey = new Map<string, LogRecord>();
  for (const r of records) if (!firstOfKey.has(r.dedupeKey)) firstOfKey.set(r.dedupeKey, r);
  const fresh = options.appendLock ? null : await appendIfAllFresh(sql, records, firstOfKey, options);
  if (fresh) return fresh;
  let drawnSeqs: number[] = [];
  let committed = false;
  try {
    const result = await appendInTransaction(sql, records, firstOfKey, options, (seqs) => {
      drawnSeqs = seqs;
      options.onDrawn?.(seqs);
    });
    committed = true;
    return result;
  } finally {
    if (drawnSeqs.length) options.onEnded?.(drawnSeqs, committed);
  }
}

/**
 * The usual batch — small, none of its keys logged — in one statement (insert-events.ts,
 * FRESH_SMALL_BATCH_SQL). Null when the batch is large or a key is logged: nothing was written, and
 * the transactional path takes it.
 */
async function appendIfAllFresh(
  sql: Sql,
  records: readonly LogRecord[],
  firstOfKey: ReadonlyMap<string, LogRecord>,
  options: StoreOptions,
): Promise<StoreResult | null> {
  if (firstOfKey.size > SMALL_BATCH) return null;
  const fresh = [...firstOfKey.values()];
  const newest = newestInLockOrder(fresh);
  const answered = options.onStatementSent?.();
  try {
    const rows = await appendFreshSmallBatch(sql, [...firstOfKey.keys()], fresh, newest.map((index) => ({ index, version: fresh[index]!.version })), LOG_CHANNEL);
    const numbers = rows.find((r): r is Extract<FreshAppendRow, { seqs: string }> => r.seqs !== null);
    if (!numbers) return null;
    const seqs = numbers.seqs.split(',').map(Number);
    // Committed already: the follower hears of the numbers and their events together.
    options.onDrawn?.(seqs);
    const seqOfKey = new Map<string, number>();
    const appended = fresh.map((r, i) => {
      seqOfKey.set(r.dedupeKey, seqs[i]!);
      return eventOf(r, seqs[i]!, numbers.at.toISOString());
    });
    options.beforeCommit?.(appended);
    options.onEnded?.(seqs, true);
    return { records: answers(records, seqOfKey, new Map()), appended };
  } finally {
    answered?.();
  }
}

interface Numbers {
  /** Comma-separated, as PostgreSQL's array_to_string gives them. */
  seqs: string;
  at: Date;
}

function appendInTransaction(
  sql: Sql,
  records: readonly LogRecord[],
  firstOfKey: ReadonlyMap<string, LogRecord>,
  options: StoreOptions,
  drawn: (seqs: number[]) => void,
): Promise<StoreResult> {
  return sql.begin(async (tx) => {
    const keys = [...firstOfKey.keys()];
    const small = keys.length <= SMALL_BATCH;
    // Sent together, run in this order (one round trip, not three): take a transaction id BEFORE drawing
    // sequence numbers — log followers rely on it to know when a gap in the sequence is settled (see
    // engine/log-follower.ts) — then the append lock of the measured alternative, then look the keys up
    // (a small batch: and draw its numbers if none is logged).
    const [, , found] = await Promise.all([
      tx`select pg_current_xact_id()`,
      options.appendLock ? tx`select pg_advisory_xact_lock(${APPEND_LOCK_ID})` : null,
      tx.unsafe<({ seq: string; dedupe_key: string; payload: unknown } | { seq: null; dedupe_key: null; payload: null; seqs: string; at: Date })[]>(
        small ? LOOKUP_AND_DRAW_SQL : ALREADY_LOGGED_SQL,
        small ? [keys, keys.length] : [keys],
        { prepare: true }, // one round trip, not two; planned at every call all the same (see ALREADY_LOGGED_SQL)
      ),
    ]);
    const before = new Map<string, { seq: string; payload: unknown }>();
    let drawnWithLookup: Numbers | undefined;
    for (const r of found) {
      if (r.dedupe_key !== null) before.set(r.dedupe_key, r);
      else if ('seqs' in r) drawnWithLookup = r;
    }

    // A batch with a logged key drew no number yet: a refused one burns none.
    const conflicts: Issue[] = [];
    records.forEach((r, index) => {
      const prior = before.get(r.dedupeKey);
      if (prior && !isDeepStrictEqual(prior.payload, JSON.parse(JSON.stringify(r.payload)))) {
        conflicts.push({
          path: `/records/${index}`,
          expected: 'the same content as the record already stored under this id and version, or a higher version to correct it',
          got: `different content for ${r.entityId} at ${r.observedAt} version ${r.version} (stored as seq ${prior.seq})`,
        });
      }
    });
    if (conflicts.length) {
      throw new InputError(409, 'BEACON_CONFLICT', `${conflicts.length} record(s) contradict records already stored; nothing was stored`, conflicts);
    }

    // Only records not yet logged draw a number: a retry of a committed batch burns none.
    const fresh = [...firstOfKey.values()].filter((r) => !before.has(r.dedupeKey));
    const seqOfKey = new Map<string, number>();
    const appended: BeaconEvent[] = [];
    let written: Promise<unknown> | null = null;
    if (fresh.length) {
      const numbers = drawnWithLookup ?? (await tx.unsafe<Numbers[]>(`select ${drawNumbers('$1')}`, [fresh.length]))[0]!;
      // Ascending, so the batch is logged in the order it was sent.
      const seqs = numbers.seqs.split(',').map(Number).sort((a, b) => a - b);
      drawn(seqs);
      const receivedAt = numbers.at.toISOString();
      for (let i = 0; i < fresh.length; i++) {
        const r = fresh[i]!;
        seqOfKey.set(r.dedupeKey, seqs[i]!);
        appended.push(eventOf(r, seqs[i]!, receivedAt));
      }
      const newest = newestInLockOrder(fresh);
      // Wake every node's follower at commit, saying how far the log now goes: one already there skips the read.
      if (small) written = appendSmallBatch(tx, fresh, seqs, newest.map((index) => ({ index, version: fresh[index]!.version })), LOG_CHANNEL);
      else {
        await copyEvents(tx, fresh, seqs);
        written = Promise.all([tx`select pg_notify(${LOG_CHANNEL}, ${String(seqs.at(-1)!)})`, upsertCurrentState(tx, newest.map((i) => fresh[i]!), seqOfKey)]);
      }
    }
    options.beforeCommit?.(appended);

    const result = answers(records, seqOfKey, before);
    // A small batch's write fails with a unique violation when a copy of one of its records committed
    // meanwhile (see storeRecords); the large batch's COPY failed above already.
    await written;
    return { records: result, appended };
  }) as Promise<StoreResult>;
}

/** The current-state rows of a large batch (already sorted), in one statement beside its COPY. */
function upsertCurrentState(tx: postgres.TransactionSql, newest: readonly LogRecord[], seqOfKey: ReadonlyMap<string, number>) {
  const stateRows = newest.map((r) => ({
    category: r.category,
    entity_id: r.entityId,
    observed_at: r.observedAt,
    version: r.version,
    seq: seqOfKey.get(r.dedupeKey)!,
    payload: r.payload as unknown as postgres.JSONValue,
  }));
  return tx`
    insert into current_state ${tx(stateRows, 'category', 'entity_id', 'observed_at', 'version', 'seq', 'payload')}
    ${tx.unsafe(MOVE_CURRENT_STATE)}`;
}

/** The log event of a record stored under `seq`. */
function eventOf(r: LogRecord, seq: number, receivedAt: string): BeaconEvent {
  return {
    type: 'record.received', seq, receivedAt, department: r.department, category: r.category,
    entityId: r.entityId, observedAt: r.observedAt, version: r.version, payload: r.payload,
  };
}

/** Each record's answer: stored under its new number (a repeat within the batch: a duplicate of it), or a duplicate of the logged one. */
function answers(records: readonly LogRecord[], seqOfKey: ReadonlyMap<string, number>, before: ReadonlyMap<string, { seq: string }>): StoredRecord[] {
  const answered = new Set<string>();
  return records.map((r, index) => {
    const seq = seqOfKey.get(r.dedupeKey);
    if (seq !== undefined) {
      const repeat = answered.has(r.dedupeKey);
      answered.add(r.dedupeKey);
      return { index, seq, status: repeat ? 'duplicate' : 'stored' };
    }
    return { index, seq: Number(before.get(r.dedupeKey)!.seq), status: 'duplicate' };
  });
}

/** Each entity's newest record, sorted by category then entity: concurrent batches then lock current-state rows in one global order and cannot deadlock. */
function newestInLockOrder(records: readonly LogRecord[]): number[] {
  return newestPerEntity(records).sort((a, b) => records[a]!.category.localeCompare(records[b]!.category) || records[a]!.entityId.localeCompare(records[b]!.entityId));
}

/** Each entity's newest record, by observation time then version, as an index into `records` (one upsert may not touch a row twice). */
function newestPerEntity(records: readonly LogRecord[]): number[] {
  const best = new Map<string, number>();
  records.forEach((r, i) => {
    const key = `${r.category}\u0000${r.entityId}`;
    const cur = best.get(key);
    const held = cur === undefined ? undefined : records[cur]!;
    // observedAt is canonical UTC ISO 8601, so string order is time order.
    if (!held || r.observedAt > held.observedAt || (r.observedAt === held.observedAt && r.version > held.version)) best.set(key, i);
  });
  return [...best.values()];
}
