import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPullConnectors, type ConnectorStatus } from '@beacon/server/ingest/pull/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

/** The department's system: a real HTTP server whose answers the test changes. */
const endpoint = {
  records: [
    { stationId: testGauge(0), observedAt: iso(-10), rainfall1hMm: 12 },
    { stationId: testGauge(1), observedAt: iso(-10), rainfall1hMm: 13 },
  ] as unknown[],
  requests: 0,
  stopperRequests: 0,
  inFlight: 0,
  maxInFlight: 0,
};
function handle(req: IncomingMessage, res: ServerResponse) {
  endpoint.requests += 1;
  endpoint.inFlight += 1;
  const reply = (body: unknown) => {
    endpoint.inFlight -= 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (req.url === '/gateway') return reply({ records: endpoint.records, cursor: 'ignored' });
  if (req.url === '/array') return reply([{ stationId: testGauge(2), observedAt: iso(-10), rainfall1hMm: 1 }]);
  if (req.url === '/single') return reply({ stationId: testGauge(3), observedAt: iso(-10), rainfall1hMm: 2 });
  if (req.url === '/empty') return reply([]);
  if (req.url === '/stopper') {
    endpoint.stopperRequests += 1;
    return reply([]);
  }
  if (req.url === '/slow') {
    endpoint.maxInFlight = Math.max(endpoint.maxInFlight, endpoint.inFlight);
    return setTimeout(() => reply([]), 150);
  }
  endpoint.inFlight -= 1;
  res.writeHead(404).end();
}

let http: Server;
let port: number;
async function endpointUp(): Promise<void> {
  http = createServer(handle);
  await new Promise<void>((resolve) => http.listen(port ?? 0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
}
async function endpointDown(): Promise<void> {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
}

let database: TestDatabase;
let server: TestServer;
let closed = false;
const url = (path: string) => `http://127.0.0.1:${port}${path}`;

beforeAll(async () => {
  await endpointUp();
  database = await createTestDatabase();
  server = await startTestServer(database.url, {
    now: () => NOW,
    pull: {
      connectors: [
        { id: 'met-gateway', department: 'meteorology', category: 'rain-gauge', url: url('/gateway'), intervalMs: 50, headers: { 'x-token': 'from-config' } },
        { id: 'met-array', department: 'meteorology', category: 'rain-gauge', url: url('/array'), intervalMs: 200 },
        { id: 'met-single', department: 'meteorology', category: 'rain-gauge', url: url('/single'), intervalMs: 200 },
        { id: 'met-empty', department: 'meteorology', category: 'rain-gauge', url: url('/empty'), intervalMs: 200 },
        { id: 'met-slow', department: 'meteorology', category: 'rain-gauge', url: url('/slow'), intervalMs: 10, timeoutMs: 2000 },
      ],
      backoff: { baseMs: 40, maxMs: 5000 },
      failingAfter: 4,
    },
  });
});
afterAll(async () => {
  if (!closed) await server?.close();
  await database?.drop();
  if (http.listening) await endpointDown();
});

async function statuses(): Promise<ConnectorStatus[]> {
  const res = await fetch(`${server.baseUrl}/api/v1/connectors`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { connectors: ConnectorStatus[] }).connectors;
}
const gateway = () => server.app.connectors.statuses().find((s) => s.id === 'met-gateway')!;

async function until<T>(f: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(server.app.connectors.statuses())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function eventCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

describe('pull connectors', () => {
  it('pull records (an envelope, an array, a single record) into the log as their department, with provenance', async () => {
    await until(() => server.app.connectors.statuses().every((s) => s.lastSuccessAt));
    const all = await statuses();
    expect(all.map((s) => [s.id, s.state])).toEqual([['met-gateway', 'ok'], ['met-array', 'ok'], ['met-single', 'ok'], ['met-empty', 'ok'], ['met-slow', 'ok']]);
    expect(all[0]).toMatchObject({ department: 'meteorology', category: 'rain-gauge', consecutiveFailures: 0, lastError: null });
    // nextPollAt is null only while a poll runs (met-gateway polls every 50 ms).
    const { nextPollAt, lastSuccessAt } = all[0]!;
    expect(nextPollAt === null || Date.parse(nextPollAt) >= Date.parse(lastSuccessAt!)).toBe(true);

    const rows = await server.db.sql`
      select e.entity_id, k.label, k.department from events e join department_keys k on k.id = e.source_id order by e.entity_id`;
    const byStation = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1); // the query's order
    expect(rows.map((r) => [r.entity_id, r.label])).toEqual([
      [testGauge(2), 'pull:met-array'], [testGauge(3), 'pull:met-single'], [testGauge(0), 'pull:met-gateway'], [testGauge(1), 'pull:met-gateway'],
    ].sort(byStation));
    await server.app.engine.catchUp();
    expect(server.app.engine.state.latest['rain-gauge']?.[testGauge(0)]).toMatchObject({ data: { rainfall1hMm: 12 } });
  });

  it('never overlaps polls of one connector, however short its interval', async () => {
    await until(() => endpoint.requests > 0 && server.app.connectors.statuses().find((s) => s.id === 'met-slow')!.lastAck);
    await new Promise((r) => setTimeout(r, 400));
    expect(endpoint.maxInFlight).toBe(1);
  });

  it('backs off while the endpoint is down, visibly, with growing waits; recovers without storing twice', async () => {
    await until(() => gateway().lastAck?.duplicates === 2); // polled at least once again: all duplicates now
    const stored = await eventCount();
    await endpointDown();

    // Each failure's wait (nextPollAt − the failure's time), as the status shows it.
    const waits = new Map<number, number>();
    await until(() => {
      const s = gateway();
      if (s.consecutiveFailures > 0 && s.nextPollAt) waits.set(s.consecutiveFailures, Date.parse(s.nextPollAt) - Date.parse(s.lastError!.at));
      return s.consecutiveFailures >= 4 && waits.size >= 3;
    });
    const down = (await statuses()).find((s) => s.id === 'met-gateway')!;
    expect(down.state).toBe('failing'); // failingAfter: 4
    expect(down.lastError).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
    expect(down.lastError!.message).not.toContain('/gateway'); // host only: paths and queries may carry tokens
    expect(down.lastSuccessAt).not.toBeNull();
    const ordered = [...waits.entries()].sort(([a], [b]) => a - b).map(([, w]) => w);
    // Equal jitter: each wait is at least the previous step's ceiling (1 ms of rounding allowed).
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]).toBeGreaterThanOrEqual(ordered[i - 1]! - 1);
    expect(ordered.at(-1)!).toBeGreaterThan(ordered[0]!);

    await endpointUp();
    await until(() => gateway().state === 'ok', 10_000);
    expect(gateway()).toMatchObject({ consecutiveFailures: 0, lastAck: { accepted: 0, duplicates: 2 } });
    expect(gateway().lastError?.kind).toBe('unreachable'); // the last problem stays visible
    expect(await eventCount()).toBe(stored);
  });

  it('shows the pipeline\'s reason when the endpoint sends invalid records, and stores none of them', async () => {
    const stored = await eventCount();
    endpoint.records = [{ stationId: testGauge(4), observedAt: iso(-5), rainfall1hMm: 5 }, { stationId: testGauge(5), observedAt: iso(-5), rainfall1hMm: 999 }];
    const s = await until(() => gateway().lastError?.kind === 'rejected' && gateway());
    expect(s.state).toBe('backing-off');
    expect(s.lastError).toMatchObject({ code: 'BEACON_INVALID_INPUT', issues: [{ path: '/records/1/rainfall1hMm', expected: 'number ≤ 400', got: 999 }] });
    expect(await eventCount()).toBe(stored);
    endpoint.records = [{ stationId: testGauge(4), observedAt: iso(-5), rainfall1hMm: 5 }];
    await until(() => gateway().state === 'ok', 10_000);
    expect(await eventCount()).toBe(stored + 1);
  });

  it('stop() clears every timer: no request after it', async () => {
    const connectors = startPullConnectors({
      sql: server.db.sql,
      pipeline: server.app.ingest,
      connectors: [{ id: 'stopper', department: 'meteorology', category: 'rain-gauge', url: url('/stopper'), intervalMs: 10 }],
    });
    await until(() => endpoint.stopperRequests >= 3);
    await connectors.stop();
    expect(connectors.statuses()[0]!.nextPollAt).toBeNull();
    const after = endpoint.stopperRequests;
    await new Promise((r) => setTimeout(r, 150));
    expect(endpoint.stopperRequests).toBe(after);
  });

  it('refuses a bad configuration, every problem at once', () => {
    expect(() =>
      startPullConnectors({
        sql: server.db.sql,
        pipeline: server.app.ingest,
        connectors: [
          { id: 'a', department: 'water', category: 'rain-gauge', url: 'ftp://x', intervalMs: 0 },
          { id: 'a', department: 'meteorology', category: 'nope', url: url('/x'), intervalMs: 100 },
        ],
      }),
    ).toThrow(/rain-gauge belongs to meteorology, not water[\s\S]*url must be[\s\S]*intervalMs[\s\S]*used twice[\s\S]*no category "nope"/);
  });

  it('closing the app stops its connectors', async () => {
    await server.close();
    closed = true;
    const after = endpoint.requests;
    await new Promise((r) => setTimeout(r, 300));
    expect(endpoint.requests).toBe(after);
  });
});
