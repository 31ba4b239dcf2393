// Statements on the log must cost the same whatever the log's size or its statistics — here, ingest's
// lookup of records already logged and replay's "where was the log at time t". A prepared
// statement may run on one generic plan, made from the statistics of the moment and then kept: a plan
// made while the log was small stays a sequential scan as the log grows. The NOT EXISTS filter ingest
// used before did exactly that — every batch read the whole log (PostgreSQL CPU per 1,000 records
// 25 → 240 ms from 0 to 500k events). This builds the worst case: statistics and a prepared copy of
// the lookup made on a tiny log, then 30,000 more events.
import postgres from 'postgres';
import { connectDatabase, type Database } from '@beacon/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALREADY_LOGGED_SQL } from '@beacon/server/ingest/store-records.ts';
import { SEQ_AT_TIME_SQL } from '@beacon/server/replay/state-at.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
let sql: postgres.Sql;
/** A connection as the app makes them (db/src/client.ts): one session, so its prepared statement is the one below. */
let app: Database;

const addEvents = (from: number, to: number) => sql`
  insert into events (type, department, category, entity_id, observed_at, received_at, dedupe_key, source_id, payload)
  select 'record.received', 'meteorology', 'rain-gauge', 'G' || (i % 31), timestamptz '2026-09-14T00:00:00Z' + i * interval '1 second',
    timestamptz '2026-09-14T00:00:00Z' + i * interval '1 second', 'rain-gauge:G' || (i % 31) || ':' || i, 'plan-test', jsonb_build_object('rainfall1hMm', i % 90)
  from generate_series(${from}::int, ${to}::int) as i`;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = postgres(db.url, { max: 1, onnotice: () => {} }); // one session: prepared statements are per session
  await sql`alter table events set (autovacuum_enabled = false)`; // statistics stay those of the tiny log
  await addEvents(1, 20);
  await sql`analyze events`;
  // The lookup prepared now, on the tiny log, and its generic plan made and kept.
  await sql`set plan_cache_mode = force_generic_plan`;
  await sql.unsafe(`prepare lookup_prepared_early(text[]) as ${ALREADY_LOGGED_SQL.replace('$1::text[]', '$1')}`);
  await sql.unsafe(`execute lookup_prepared_early('{a}')`);
  await sql.unsafe(`prepare seq_at_prepared_early(timestamptz) as ${SEQ_AT_TIME_SQL}`);
  await sql.unsafe(`execute seq_at_prepared_early(now())`);
  await sql`reset plan_cache_mode`;
  app = connectDatabase(db.url, { max: 1 });
  await app.sql.unsafe(`prepare lookup_prepared_by_app(text[]) as ${ALREADY_LOGGED_SQL.replace('$1::text[]', '$1')}`);
  for (let i = 0; i < 6; i++) await app.sql.unsafe(`execute lookup_prepared_by_app('{a}')`);
  await addEvents(21, 30_000);
});

afterAll(async () => {
  await app?.close();
  await sql?.end();
  await db?.drop();
});

const planOf = (rows: { 'QUERY PLAN': string }[]) => rows.map((r) => r['QUERY PLAN']).join('\n');
/** A batch's worth of keys: two already logged, the rest new. */
const keys = ['rain-gauge:G1:1', 'rain-gauge:G15:29000', ...Array.from({ length: 998 }, (_, i) => `rain-gauge:G3:not-logged-${i}`)];
/** The lookup ingest used before: one array of keys, planned from the statistics of the moment. */
const ANY_LOOKUP_SQL = 'select seq::text as seq, dedupe_key, payload from events where dedupe_key = any($1::text[])';

describe("ingest's lookup of records already logged", () => {
  it('probes the dedupe index for a batch of 1,000 keys on the grown log', async () => {
    const plan = planOf(await sql.unsafe(`explain (costs off) ${ALREADY_LOGGED_SQL}`, [keys]));
    expect(plan).not.toMatch(/Seq Scan on events/);
    expect(plan).toMatch(/Index (Only )?Scan using events_dedupe_key_unique on events/);
  });

  it('prepared on the tiny log instead, its kept generic plan would scan the whole log for every key (why ingest does not prepare it)', async () => {
    // On a log of one page a scan is the cheapest way to find a key, and the kept plan stays that.
    const plan = await sql.begin(async (tx) => {
      await tx`set local plan_cache_mode = force_generic_plan`;
      return planOf(await tx.unsafe(`explain (costs off) execute lookup_prepared_early('{a,b}')`));
    });
    expect(plan).toMatch(/Seq Scan on events/);
  });

  it("prepared on the tiny log by the app's connection, it is still planned for the grown log: the app plans every execution", async () => {
    const [mode] = await app.sql<{ plan_cache_mode: string }[]>`show plan_cache_mode`;
    expect(mode!.plan_cache_mode).toBe('force_custom_plan');
    const plan = planOf(await app.sql.unsafe(`explain (costs off) execute lookup_prepared_by_app('{a,b}')`));
    expect(plan).not.toMatch(/Seq Scan on events/);
    expect(plan).toMatch(/Index (Only )?Scan using events_dedupe_key_unique on events/);
  });

  it('the array lookup it replaced scans the whole log for the same batch while statistics lag (why it was replaced)', async () => {
    const plan = planOf(await sql.unsafe(`explain (costs off) ${ANY_LOOKUP_SQL}`, [keys]));
    expect(plan).toMatch(/Seq Scan on events/);
  });

  it('finds exactly the keys already logged', async () => {
    const found = await sql.unsafe<{ dedupe_key: string }[]>(ALREADY_LOGGED_SQL, [keys]);
    expect(found.map((r) => r.dedupe_key).sort()).toEqual(['rain-gauge:G1:1', 'rain-gauge:G15:29000'].sort());
  });
});

describe("replay's log position at a time", () => {
  const at = new Date('2026-09-14T05:00:00Z');
  it('planned as replay runs it (unprepared), walks the received_at index back from the time', async () => {
    const plan = planOf(await sql.unsafe(`explain (costs off) ${SEQ_AT_TIME_SQL}`, [at]));
    expect(plan).not.toMatch(/Seq Scan on events/);
    expect(plan).toMatch(/Index Scan Backward using events_received_at_idx on events/);
  });

  it('prepared on the tiny log instead, it would sort the whole log on every call', async () => {
    const plan = await sql.begin(async (tx) => {
      await tx`set local plan_cache_mode = force_generic_plan`;
      return planOf(await tx.unsafe(`explain (costs off) execute seq_at_prepared_early(now())`));
    });
    expect(plan).toMatch(/Seq Scan on events/);
  });
});
