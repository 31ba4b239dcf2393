import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyLiveState, fold } from '@beacon/shared';
import { EVENT_COLUMNS, foldWholeLog, rowToEvent } from '@beacon/server/engine/live-engine.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('a restart', () => {
  it('brings back the same live state from the database, for the server and for a screen', async () => {
    const first = await startTestServer(database.url, { now: () => NOW });
    const readings = [testGauge(0), testGauge(1), testGauge(2), testGauge(3), testGauge(4)].flatMap((stationId, i) =>
      [0, 5, 10].map((m) => ({ stationId, observedAt: new Date(NOW - (30 - m) * 60_000).toISOString(), rainfall1hMm: i * 7 + m })),
    );
    // A late reading too, so the rebuilt trend must place it, not just replay "latest".
    readings.push({ stationId: testGauge(0), observedAt: new Date(NOW - 60 * 60_000).toISOString(), rainfall1hMm: 77 });
    const res = await fetch(`${first.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.meteorologyKey}` },
      body: JSON.stringify({ records: readings }),
    });
    expect(res.status).toBe(200);
    await first.app.engine.catchUp();
    const before = first.app.engine.state;
    expect(Object.keys(before.latest['rain-gauge'] ?? {})).toHaveLength(5);
    await first.close();

    const second = await startTestServer(database.url, { now: () => NOW });
    try {
      expect(second.app.engine.state).toEqual(before);
      const client = await watch(second);
      expect(client.state()).toEqual(before);
      client.close();
      // And it is exactly the fold of the log, read independently of the engine.
      const rows = await second.db.sql.unsafe(`select ${EVENT_COLUMNS} from events order by seq`);
      expect(fold(emptyLiveState(), rows.map((r) => rowToEvent(r as never)))).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it('starts from the newest snapshot plus the log after it, equal to a fold of the whole log', async () => {
    const first = await startTestServer(database.url, { now: () => NOW, snapshots: { everyEvents: 10 } });
    const post = async (i: number) => {
      const records = [testGauge(5), testGauge(6), testGauge(7), testGauge(8)].map((stationId, k) => ({
        stationId, observedAt: new Date(NOW - (200 - i) * 60_000).toISOString(), rainfall1hMm: (i * 3 + k) % 90,
      }));
      const res = await fetch(`${first.baseUrl}/api/v1/ingest/rain-gauge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${first.meteorologyKey}` },
        body: JSON.stringify({ records }),
      });
      expect(res.status).toBe(200);
      await first.app.engine.catchUp();
    };
    for (let i = 0; i < 8; i++) await post(i);
    await first.close(); // waits for a snapshot being written

    const second = await startTestServer(database.url, { now: () => NOW, snapshots: false });
    try {
      const [row] = await second.db.sql<{ n: number; newest: number }[]>`select count(*)::int as n, max(seq)::int as newest from state_snapshots`;
      const { n, newest } = row!;
      expect(n).toBeGreaterThan(0);
      expect(second.app.engine.startedFrom).toBe(newest);
      expect(second.app.engine.startedFrom).toBeGreaterThan(0);
      await second.app.engine.catchUp();
      expect(second.app.engine.state).toEqual(await foldWholeLog(second.db.sql));
    } finally {
      await second.close();
    }
  });
});
