import { connectDatabase, type Database } from '@beacon/db';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createTokenService, loadTokenSecret } from '@beacon/server/auth/tokens.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScreensMatchLog } from '../support/log-truth.ts';
import { startProxy, type TestProxy } from '../support/proxy.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

// Two real server processes on one database behind a round-robin proxy without sticky sessions (the
// README's "Several nodes"): a screen connects through the proxy, departments send through it to
// either node, the node holding the screen stops, and the screen comes back through the proxy to the
// other node and ends equal to the log.

let database: TestDatabase;
let db: Database;
let nodes: ServerProcess[] = [];
let proxy: TestProxy | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 2 });
  // One after the other: the first start provisions the first users, once.
  nodes.push(await startServerProcess(database.url, { BEACON_TRUST_PROXY: '127.0.0.1' }));
  nodes.push(await startServerProcess(database.url, { BEACON_TRUST_PROXY: '127.0.0.1' }));
  proxy = await startProxy(nodes.map((n) => n.baseUrl));
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  for (const node of nodes) node.child.kill('SIGTERM');
  await Promise.all(nodes.map((n) => n.exited));
  await db?.close();
  await database?.drop();
});

const STATIONS = [testGauge(0), testGauge(1), testGauge(2), testGauge(3)];

/** Batch n: readings at minute n, sent through the proxy (so to whichever node is next). */
async function send(key: string, n: number): Promise<number> {
  const observedAt = new Date(Date.UTC(2026, 8, 14) + n * 60_000).toISOString();
  const res = await fetch(`${proxy!.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ records: STATIONS.map((stationId, i) => ({ stationId, observedAt, rainfall1hMm: (n * 3 + i) % 90 })) }),
  });
  return res.status;
}

/** Polls a condition a bounded number of times (no clock is measured). */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 25));
  expect(condition(), what).toBe(true);
}

describe('two nodes behind a proxy without sticky sessions', () => {
  // Why the screens use the WebSocket transport only: a long-polling session is many requests, and
  // round-robin sends the second to the node that never saw the first.
  it('a long-polling client cannot even connect through it (which is why screens use WebSocket only)', async () => {
    const tokens = createTokenService(await loadTokenSecret(db.sql), () => Date.now());
    const { token } = await createKioskToken(db.sql, tokens, 'polling wall');
    const socket = io(proxy!.baseUrl, { transports: ['polling'], auth: { token }, reconnection: false });
    try {
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
      });
      // The handshake reached one node; the next request, the other, which answers "Session ID unknown".
      expect(outcome).toMatch(/^refused: xhr (post|poll) error$/);
    } finally {
      socket.close();
    }
  });

  it('a screen whose node stops reconnects through the proxy to the other and ends equal to the log', { timeout: 120_000 }, async () => {
    const { key } = await createDepartmentKey(db.sql, 'meteorology', 'several-nodes test');
    const tokens = createTokenService(await loadTokenSecret(db.sql), () => Date.now());
    const { token } = await createKioskToken(db.sql, tokens, 'several-nodes wall');
    const screen = await watch({ baseUrl: proxy!.baseUrl, wallToken: token }, { kind: 'city' }, { reconnection: true, reconnectionDelay: 50, followServerDisconnect: true });
    try {
      // Round-robin: consecutive batches land on both nodes; each node folds the other's from the log.
      for (let n = 0; n < 10; n += 1) expect(await send(key, n)).toBe(200);
      await expectScreensMatchLog(db.sql, testRegion(), [{ client: screen, view: { kind: 'city' } }]);

      const holding = nodes.find((n) => proxy!.upgradesTo(n.baseUrl) === 1)!;
      const other = nodes.find((n) => n !== holding)!;
      expect(holding, 'one node holds the screen\'s WebSocket').toBeDefined();
      // Stopped as an operator would (SIGTERM): the node disconnects its screens as it closes.
      holding.child.kill('SIGTERM');
      expect((await holding.exited).code).toBe(0);

      // The department keeps sending through the proxy while the screen is away; all of it lands on the survivor.
      for (let n = 10; n < 20; n += 1) expect(await send(key, n)).toBe(200);
      await eventually(() => proxy!.upgradesTo(other.baseUrl) === 1 && screen.subscriptions.length === 2, 'the screen is subscribed again, through the proxy, on the other node');
      expect(screen.subscriptions[1]).toMatchObject({ ok: true });
      const truth = await expectScreensMatchLog(db.sql, testRegion(), [{ client: screen, view: { kind: 'city' } }]);
      expect(truth.seq).toBeGreaterThanOrEqual(20 * STATIONS.length);
    } finally {
      screen.close();
    }
  });
});
