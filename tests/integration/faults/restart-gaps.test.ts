import { connectDatabase } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEngineMatchesLog, expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../../support/test-gauges.ts';

let database: TestDatabase;
let minute = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function post(node: TestServer, stations: string[]): Promise<void> {
  minute += 1;
  const observedAt = new Date(Date.UTC(2026, 8, 14) + minute * 60_000).toISOString();
  const res = await fetch(`${node.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${node.meteorologyKey}` },
    body: JSON.stringify({ records: stations.map((stationId, i) => ({ stationId, observedAt, rainfall1hMm: (minute + i) % 90 })) }),
  });
  expect(res.status).toBe(200);
}

async function health(baseUrl: string): Promise<{ status: number; body: { status: string; seq: number; head?: number; behind?: number } }> {
  const res = await fetch(`${baseUrl}/api/v1/health`);
  return { status: res.status, body: await res.json() };
}

describe('restart after numbers that never committed', () => {
  it('5,000 burned numbers after the newest snapshot: the restarted node is current and equal to the log', async () => {
    const a = await startTestServer(database.url, { snapshots: { everyEvents: 40 } });
    for (let i = 0; i < 12; i += 1) await post(a, [testGauge(0), testGauge(1), testGauge(2), testGauge(3), testGauge(4)]);
    await a.app.engine.catchUp();
    // Resending a batch already stored draws no numbers; rolled-back numbers still can.
    const before = await a.db.sql<{ last_value: string }[]>`select last_value::text from events_seq_seq`;
    await post(a, [testGauge(0)]); // one new record
    minute -= 1;
    await post(a, [testGauge(0)]); // the same record again: a duplicate, answered without drawing a number
    const after = await a.db.sql<{ last_value: string }[]>`select last_value::text from events_seq_seq`;
    expect(Number(after[0]!.last_value) - Number(before[0]!.last_value)).toBe(1); // the one new record only
    await a.db.sql.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      await tx`select nextval('events_seq_seq') from generate_series(1, 5000)`;
      throw new Error('rollback on purpose');
    }).catch(() => {});
    await post(a, [testGauge(5), testGauge(4)]);
    await a.app.engine.catchUp();
    const [snap] = await a.db.sql<{ seq: string }[]>`select max(seq)::text as seq from state_snapshots`;
    expect(Number(snap!.seq)).toBeGreaterThan(0);
    await a.close();

    const b = await startTestServer(database.url, { snapshots: false });
    try {
      expect(b.app.engine.startedFrom).toBe(Number(snap!.seq));
      await expectEngineMatchesLog(b.db.sql, b.app.engine.state);
      const h = await health(b.baseUrl);
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', behind: 0 });
      // A wall on the restarted node shows the log, and goes on showing it past the gap.
      const wall = await watch(b, { kind: 'city' });
      try {
        await post(b, [testGauge(2)]);
        await expectScreensMatchLog(b.db.sql, testRegion(), [{ client: wall, view: { kind: 'city' } }]);
      } finally {
        wall.close();
      }
    } finally {
      await b.close();
    }
  });

  it('a node starting behind a transaction held open says so (503, how far behind) until it is current', async () => {
    const a = await startTestServer(database.url, { snapshots: false });
    const held = await a.db.sql.reserve();
    try {
      await held`begin`;
      await held`select pg_current_xact_id()`;
      await held`insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
                 values ('record.received', 'meteorology', 'rain-gauge', ${testGauge(2)}, now() - interval '2 minutes', 'held-at-start', 'test',
                         ${held.json({ stationId: testGauge(2), observedAt: new Date(Date.now() - 120_000).toISOString(), rainfall1hMm: 7.7, version: 1 })})`;
      await post(a, [testGauge(3)]);

      const db = connectDatabase(database.url, { max: 4 });
      const c = await buildApp({ db, region: testRegion(), screenDir: null, snapshots: false }, {}, { current: false });
      await c.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(c.server.address() as { port: number }).port}`;
      try {
        const behind = await health(url);
        expect(behind.status).toBe(503);
        expect(behind.body.status).toBe('catching-up');
        expect(behind.body.behind).toBeGreaterThanOrEqual(2);
        await held`commit`;
        await c.engine.whenCurrent();
        const now = await health(url);
        expect(now.status).toBe(200);
        expect(now.body.behind).toBe(0);
        await expectEngineMatchesLog(db.sql, c.engine.state);
      } finally {
        await c.close();
        await db.close();
      }
    } finally {
      held.release();
      await a.close();
    }
  });
});
