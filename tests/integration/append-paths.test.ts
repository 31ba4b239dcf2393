// Ingest appends a small batch none of whose records is logged in one statement (lookup, numbers, rows,
// current state, NOTIFY); a small batch with a logged record in a transaction, its numbers drawn with the
// key lookup; a large batch with COPY (server/src/ingest/store-records.ts, SMALL_BATCH).
// Both must log the same rows and move current state alike, and neither may burn a sequence number for a
// batch that stores nothing new: every burned number is a gap each node's follower has to settle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { InputError } from '@beacon/server/errors/input-error.ts';
import { LOG_CHANNEL } from '@beacon/server/engine/log-follower.ts';
import { FRESH_SMALL_BATCH_SQL } from '@beacon/server/ingest/insert-events.ts';
import { SMALL_BATCH, storeRecords, type LogRecord } from '@beacon/server/ingest/store-records.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 2 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

let minute = 0;
function batch(size: number, tag: string): LogRecord[] {
  const at = minute++;
  return Array.from({ length: size }, (_, i) => {
    const observedAt = new Date(Date.UTC(2026, 8, 14, 0, at, i % 60, Math.floor(i / 60))).toISOString();
    const entityId = `${tag}-${i % 7}`;
    return {
      department: 'meteorology', category: 'rain-gauge', entityId, observedAt, version: 1, dedupeKey: `rain-gauge:${entityId}:${observedAt}:1`,
      sourceId: 'append-paths', payload: { stationId: entityId, observedAt, rainfall1hMm: i / 10, note: `行\t"${i}"\\` },
    };
  });
}

const lastNumber = async () => Number((await db.sql<{ v: string | null }[]>`select pg_sequence_last_value('events_seq_seq')::text as v`)[0]!.v ?? 0);

describe.each([
  ['small (one statement when fresh; else INSERT, numbers drawn with the lookup)', 3],
  ['at the limit', SMALL_BATCH],
  ['large (COPY)', SMALL_BATCH + 1],
])('a %s batch', (_name, size) => {
  it('logs every record once, in the order sent, with exactly the numbers it drew; current state moves to the newest', async () => {
    const tag = `P${size}`;
    const records = batch(size, tag);
    const before = await lastNumber();
    const result = await storeRecords(db.sql, records);
    expect(result.records.map((r) => r.status)).toEqual(records.map(() => 'stored'));
    const seqs = result.records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(before + 1);
    expect(await lastNumber()).toBe(before + size);
    const rows = await db.sql<{ seq: string; entity_id: string; observed_at: Date; payload: unknown }[]>`
      select seq::text, entity_id, observed_at, payload from events where source_id = 'append-paths' and entity_id like ${tag + '-%'} order by seq`;
    expect(rows.map((r) => [Number(r.seq), r.entity_id, r.observed_at.toISOString(), r.payload])).toEqual(
      records.map((r, i) => [seqs[i], r.entityId, r.observedAt, r.payload]),
    );
    expect(result.appended.map((e) => e.seq)).toEqual(seqs);
    const state = await db.sql<{ entity_id: string; seq: string }[]>`select entity_id, seq::text from current_state where entity_id like ${tag + '-%'} order by entity_id`;
    const newest = new Map<string, number>(); // by observation time, the one current state keeps
    const newestAt = new Map<string, string>();
    records.forEach((r, i) => {
      if (r.observedAt > (newestAt.get(r.entityId) ?? '')) newestAt.set(r.entityId, r.observedAt), newest.set(r.entityId, seqs[i]!);
    });
    expect(state.map((s) => [s.entity_id, Number(s.seq)])).toEqual([...newest].sort(([a], [b]) => a.localeCompare(b)));
  });

  it('sent again, is answered duplicate record by record and burns no number; with one record changed, is refused and burns none', async () => {
    const records = batch(size, `R${size}`);
    const first = await storeRecords(db.sql, records);
    const before = await lastNumber();
    const again = await storeRecords(db.sql, records);
    expect(again.records).toEqual(first.records.map((r) => ({ ...r, status: 'duplicate' })));
    expect(again.appended).toEqual([]);
    const changed = records.map((r, i) => (i === size - 1 ? { ...r, payload: { ...r.payload, rainfall1hMm: 99 } } : r));
    const refused = await storeRecords(db.sql, changed).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).statusCode).toBe(409);
    expect(await lastNumber()).toBe(before);
  });

  it('half new, half already logged: the new half is stored with numbers for it alone', async () => {
    const records = batch(size, `H${size}`);
    const half = Math.ceil(size / 2);
    await storeRecords(db.sql, records.slice(0, half));
    const before = await lastNumber();
    const result = await storeRecords(db.sql, records);
    expect(result.records.map((r) => r.status)).toEqual(records.map((_, i) => (i < half ? 'duplicate' : 'stored')));
    expect(await lastNumber()).toBe(before + (size - half));
  });
});

describe('a small batch none of whose records is logged (one statement, no explicit transaction)', () => {
  it("wakes every follower at commit with its highest number, and tells this node's follower its numbers, events and commit", async () => {
    const records = batch(5, 'N');
    const heard: string[] = [];
    const listener = await db.sql.listen(LOG_CHANNEL, (upTo) => heard.push(upTo));
    const told: string[] = [];
    const result = await storeRecords(db.sql, records, {
      onDrawn: (seqs) => told.push(`drawn ${seqs.join(',')}`),
      beforeCommit: (events) => told.push(`events ${events.map((e) => e.seq).join(',')}`),
      onEnded: (seqs, committed) => told.push(`ended ${seqs.join(',')} ${committed}`),
    });
    const seqs = result.records.map((r) => r.seq).join(',');
    expect(told).toEqual([`drawn ${seqs}`, `events ${seqs}`, `ended ${seqs} true`]);
    await expect.poll(() => heard).toEqual([String(result.records.at(-1)!.seq)]);
    await listener.unlisten();
  });
});

describe("the one statement's order of work", () => {
  it('takes its transaction id before it draws a number: the draw runs only past a one-time filter that reads the id', async () => {
    // Every writer must (engine/log-follower.ts): a follower bounds a gap by an xid taken after it saw the gap.
    const rows = await db.sql.begin(async (tx) => {
      await tx.unsafe(`prepare fresh_plan(text[], text[], text[], text[], text[], text[], text[], text[], bigint[], int[], text) as ${FRESH_SMALL_BATCH_SQL}`);
      return tx.unsafe<{ 'QUERY PLAN': string }[]>(
        `explain (costs off) execute fresh_plan('{k1}', '{meteorology}', '{rain-gauge}', '{G1}', '{2026-09-14T00:00:00Z}', '{k1}', '{src}', '{"{}"}', '{1}', '{1}', 'ch')`,
      );
    });
    const plan = rows.map((r) => r['QUERY PLAN']);
    const draw = plan.findIndex((l) => /CTE drawn/.test(l));
    expect(draw).toBeGreaterThan(-1);
    const drawPart = plan.slice(draw, draw + 8).join('\n');
    // PostgreSQL 15 prints the filter's parameters as $3, $4; 18 as (InitPlan 3).col1, (InitPlan 4).col1.
    expect(drawPart).toMatch(/One-Time Filter: \(\(.+ IS NOT NULL\) AND \(NOT .+\)\)/);
    expect(drawPart).toMatch(/InitPlan \d+( \(returns \$\d+\))?\n\s+->\s+CTE Scan on xid\n/);
    expect(drawPart).toMatch(/CTE Scan on xid[\s\S]*Function Scan on generate_series/);
  });
});
