import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldWholeLog } from '@beacon/server/engine/live-engine.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('concurrent batches', () => {
  it('touching the same stations in different orders all commit (no deadlock), and nothing is lost', async () => {
    const ids = testRegion().rainGauges.map((g) => g.id);
    const base = Date.now() - 3600_000;
    const batches = Array.from({ length: 24 }, (_, b) => {
      const order = b % 2 === 0 ? ids : [...ids].reverse();
      return order.map((stationId, i) => ({ stationId, observedAt: new Date(base + b * 1000 + i).toISOString(), rainfall1hMm: b }));
    });
    const statuses = await Promise.all(
      batches.map((records) =>
        fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
          body: JSON.stringify({ records }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(batches.map(() => 200));
    const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
    expect(row!.n).toBe(24 * ids.length);
    await server.app.engine.catchUp();
    expect(server.app.engine.state).toEqual(await foldWholeLog(server.db.sql));
  });
});
