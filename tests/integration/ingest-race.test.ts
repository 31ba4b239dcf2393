// A retry racing its original: the same record in two transactions, neither committed when the other
// looked for it in the log. The later one waits on the dedupe index for the earlier to finish, then
// either finds it logged (committed: answered as a duplicate, or refused if the content differs) or
// stores it (rolled back). Never stored twice, never lost. Real PostgreSQL, real lock waits.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { InputError } from '@beacon/server/errors/input-error.ts';
import { storeRecords, type LogRecord } from '@beacon/server/ingest/store-records.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { testGauge } from '../support/test-gauges.ts';

let database: TestDatabase;
let db: Database;
let other: postgres.Sql;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 4 });
  other = postgres(database.url, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await other?.end();
  await db?.close();
  await database?.drop();
});

let n = 0;
function reading(rainfall1hMm: number): LogRecord {
  const observedAt = new Date(Date.UTC(2026, 8, 14, 0, n++)).toISOString();
  return {
    department: 'meteorology', category: 'rain-gauge', entityId: testGauge(0), observedAt, version: 1,
    dedupeKey: `rain-gauge:${testGauge(0)}:${observedAt}:1`, sourceId: 'race-test', payload: { stationId: testGauge(0), observedAt, rainfall1hMm, version: 1 },
  };
}

/** Logs `r` in a transaction of another session and holds it open until `finish` says how to end it. */
function holdOpen(r: LogRecord, payload = r.payload) {
  let finish!: (how: 'commit' | 'rollback') => void;
  const decided = new Promise<'commit' | 'rollback'>((resolve) => (finish = resolve));
  let seq = 0;
  const done = other
    .begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      const [row] = await tx<{ seq: string }[]>`
        insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
        values ('record.received', ${r.department}, ${r.category}, ${r.entityId}, ${r.observedAt}, ${r.dedupeKey}, 'original', ${tx.json(payload as postgres.JSONValue)})
        returning seq`;
      seq = Number(row!.seq);
      if ((await decided) === 'rollback') throw new Error('rolled back on purpose');
    })
    .catch((e: Error) => {
      if (e.message !== 'rolled back on purpose') throw e;
    });
  return { finish, done, seq: () => seq };
}

/** Resolves once some session waits on a lock (the racing COPY, on the open transaction's index entry). */
async function someoneWaits(): Promise<void> {
  for (;;) {
    const [row] = await other<{ n: number }[]>`select count(*)::int as n from pg_locks where not granted`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const logged = async (key: string) => (await other<{ n: number }[]>`select count(*)::int as n from events where dedupe_key = ${key}`)[0]!.n;

describe('a record racing its own original', () => {
  it('answered as a duplicate of the original once that commits; the rest of the batch is stored once', async () => {
    const [same, fresh] = [reading(12.5), reading(3)];
    const original = holdOpen(same);
    while (!original.seq()) await new Promise((r) => setTimeout(r, 10));
    const racing = storeRecords(db.sql, [same, fresh]);
    await someoneWaits();
    original.finish('commit');
    await original.done;
    const result = await racing;
    expect(result.records.map((r) => r.status)).toEqual(['duplicate', 'stored']);
    expect(result.records[0]!.seq).toBe(original.seq());
    expect(result.appended.map((e) => e.type === 'record.received' && e.observedAt)).toEqual([fresh.observedAt]);
    expect(await logged(same.dedupeKey)).toBe(1);
    expect(await logged(fresh.dedupeKey)).toBe(1);
  });

  it('stored when the original rolls back', async () => {
    const [same, fresh] = [reading(7), reading(8)];
    const original = holdOpen(same);
    while (!original.seq()) await new Promise((r) => setTimeout(r, 10));
    const racing = storeRecords(db.sql, [same, fresh]);
    await someoneWaits();
    original.finish('rollback');
    await original.done;
    const result = await racing;
    expect(result.records.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(await logged(same.dedupeKey)).toBe(1);
    expect(await logged(fresh.dedupeKey)).toBe(1);
  });

  it('refused as a conflict, storing nothing, when the original committed different content', async () => {
    const [same, fresh] = [reading(1), reading(2)];
    const original = holdOpen(same, { ...same.payload, rainfall1hMm: 99 });
    while (!original.seq()) await new Promise((r) => setTimeout(r, 10));
    const racing = storeRecords(db.sql, [same, fresh]).then(
      () => null,
      (e: unknown) => e,
    );
    await someoneWaits();
    original.finish('commit');
    await original.done;
    const error = await racing;
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('BEACON_CONFLICT');
    expect((error as InputError).issues[0]!.path).toBe('/records/0');
    expect(await logged(fresh.dedupeKey)).toBe(0);
  });
});
