import { randomUUID } from 'node:crypto';
import { xiamen } from '@beacon/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue } from '../../support/command-fixtures.ts';
import { expectEngineMatchesLog, expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // The product's pool size: ten concurrent commands used to exhaust it and hang the node.
  server = await startTestServer(database.url, { hub: { tickMs: 20 } });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('100 concurrent commands on one node', () => {
  it('all complete, serialised, each exactly once (retries included), and ingest goes on', async () => {
    const screen = await watch(server);
    try {
      const ids = Array.from({ length: 100 }, () => randomUUID());
      const districts = xiamen.districts.features.map((d) => d.properties.name);
      const sends = ids.map((commandId, i) =>
        issue(server, server.tokens.duty, { kind: 'wall.focus', view: { kind: 'district', district: districts[i % districts.length]! } }, { commandId }));
      // Ten of them retried at once, as a tablet on a bad link would.
      const retries = ids.slice(0, 10).map((commandId, i) =>
        issue(server, server.tokens.duty, { kind: 'wall.focus', view: { kind: 'district', district: districts[i % districts.length]! } }, { commandId }));
      const ingest = fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
        body: JSON.stringify({ records: [{ stationId: 'SM01', observedAt: new Date(Date.now() - 60_000).toISOString(), rainfall1hMm: 12.5 }] }),
      });
      const answers = await Promise.all([...sends, ...retries]);
      expect((await ingest).status).toBe(200);
      for (const a of answers) expect([200, 201]).toContain(a.status);
      const firstAnswers = answers.slice(0, 100);
      const bySeq = new Set(answers.map((a) => a.body.seq as number));
      expect(bySeq.size).toBe(100); // a retry answers with the original's seq
      const [row] = await server.db.sql<{ count: string }[]>`select count(*)::text as count from events where type = 'command.issued'`;
      const count = row!.count;
      expect(Number(count)).toBe(100);
      expect(answers.filter((a) => a.status === 201)).toHaveLength(100);
      expect(firstAnswers.every((a) => typeof a.body.seq === 'number')).toBe(true);
      await server.app.engine.catchUp();
      await expectEngineMatchesLog(server.db.sql, server.app.engine.state);
      await expectScreensMatchLog(server.db.sql, xiamen, [{ client: screen, view: { kind: 'city' } }]);
    } finally {
      screen.close();
    }
  });
});
