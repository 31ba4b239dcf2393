// The log's append statement must cost the same whatever the log's size. It is a prepared statement,
// so PostgreSQL may run one generic plan for it, built from statistics that can be far older than the
// table. With the dedupe filter written as NOT EXISTS, that plan was a hash anti-join over a sequential
// scan of every event (seen at 500k events: 10× the PostgreSQL CPU of an empty log). This asks
// PostgreSQL for exactly that plan — generic, with statistics taken on a small log — and checks it
// probes the dedupe index instead of reading the table.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_SQL } from '@beacon/server/ingest/store-records.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let db: TestDatabase;
let sql: postgres.Sql;

beforeAll(async () => {
  db = await createTestDatabase();
  sql = postgres(db.url, { max: 1, onnotice: () => {} });
  // A log of 5,000 events with fresh statistics: the size at which the old filter's generic plan hashed the whole table.
  await sql`
    insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
    select 'record.received', 'meteorology', 'rain-gauge', 'G' || (i % 31), timestamptz '2026-09-14T00:00:00Z' + i * interval '1 second',
      'rain-gauge:G' || (i % 31) || ':' || i, 'plan-test', jsonb_build_object('rainfall1hMm', i % 90)
    from generate_series(1, 5000) as i`;
  await sql`analyze events`;
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

async function genericPlan(statement: string): Promise<string> {
  return sql.begin(async (tx) => {
    await tx`set local plan_cache_mode = force_generic_plan`;
    await tx.unsafe(`prepare append_under_test(jsonb) as ${statement}`);
    const rows = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain (costs off) execute append_under_test('[]')`);
    await tx.unsafe('deallocate append_under_test');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the append statement', () => {
  it("probes the dedupe index per record in its generic plan, and never scans the log", async () => {
    const plan = await genericPlan(APPEND_SQL);
    expect(plan).not.toMatch(/Seq Scan on events/);
    expect(plan).not.toMatch(/Hash (Anti )?Join/);
    expect(plan).toMatch(/Index (Only )?Scan using events_dedupe_key_unique on events x/);
  });

  it('the filter it replaced did scan the whole log under the same statistics (so the check above can fail)', async () => {
    const old = APPEND_SQL.replace(
      /where \(select 1 from events x where x\.dedupe_key = t\.k limit 1\) is null/,
      'where not exists (select 1 from events x where x.dedupe_key = t.k)',
    );
    expect(old).not.toBe(APPEND_SQL);
    expect(await genericPlan(old)).toMatch(/Seq Scan on events x/);
  });
});
