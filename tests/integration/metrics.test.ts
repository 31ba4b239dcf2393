import { randomBytes } from 'node:crypto';
import { APPLICATION_NAME, connectDatabase } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { PROTOCOL_VERSION } from '@beacon/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScrape, type Scrape } from '../support/prometheus-text.ts';
import { watch } from '../support/socket-client.ts';
import { openStream } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

/**
 * Issue #16, observability: /metrics on a real node over a real database, after real ingest through
 * HTTP and a real screen; who may read it; liveness and readiness while a node is held behind the log.
 */
const SCRAPE_TOKEN = randomBytes(32).toString('hex');

let database: TestDatabase;
let server: TestServer;
let minute = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { snapshots: { everyEvents: 3 }, metrics: { scrapeToken: SCRAPE_TOKEN } });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function ingest(node: { baseUrl: string; meteorologyKey: string }, path: string, records: unknown[]): Promise<{ status: number; body: { code?: string } }> {
  const res = await fetch(`${node.baseUrl}/api/v1/ingest/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${node.meteorologyKey}` },
    body: JSON.stringify({ records }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

function gauges(stations: string[]): unknown[] {
  minute += 1;
  const observedAt = new Date(Date.UTC(2026, 8, 14) + minute * 60_000).toISOString();
  return stations.map((stationId, i) => ({ stationId, observedAt, rainfall1hMm: (minute + i) % 90 }));
}

async function scrape(baseUrl: string, token = SCRAPE_TOKEN): Promise<Scrape> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseScrape(await res.text());
}

/** Every series the README lists under "Watching it run". */
const SERIES = [
  'beacon_ingest_records_total', 'beacon_ingest_batches_refused_total', 'beacon_log_head_seq', 'beacon_log_folded_seq', 'beacon_log_behind_events',
  'beacon_ready', 'beacon_database_up', 'beacon_fold_duration_seconds', 'beacon_folded_events_total', 'beacon_snapshot_age_seconds',
  'beacon_snapshot_behind_events', 'beacon_unfoldable_events_total', 'beacon_hub_subscriptions', 'beacon_hub_sockets', 'beacon_hub_sent_bytes_total',
  'beacon_hub_sent_messages_total', 'beacon_db_connections', 'beacon_db_pool_max_connections', 'nodejs_eventloop_lag_seconds',
  'nodejs_eventloop_lag_p99_seconds', 'process_cpu_seconds_total', 'process_resident_memory_bytes',
];

describe('/metrics', () => {
  it('exposes every series, with the counts of what was sent, refused, folded and pushed to a screen', async () => {
    const screen = await watch(server, { kind: 'city' });
    // A second screen on the same view: deltas they both take go out as one broadcast, still counted per screen.
    const other = await watch(server, { kind: 'city' });
    try {
      const batch = gauges([testGauge(0), testGauge(1), testGauge(2)]);
      expect((await ingest(server, 'rain-gauge', batch)).status).toBe(200);
      expect((await ingest(server, 'rain-gauge', batch)).status).toBe(200); // all three again: duplicates
      expect((await ingest(server, 'rain-gauge', gauges([testGauge(3)]))).status).toBe(200);
      const invalid = await ingest(server, 'rain-gauge', [{ stationId: testGauge(0), observedAt: 'yesterday', rainfall1hMm: 1 }]);
      expect(invalid).toMatchObject({ status: 400, body: { code: 'BEACON_INVALID_INPUT' } });
      const unknown = await ingest(server, 'no-such-category', batch);
      expect(unknown).toMatchObject({ status: 404, body: { code: 'BEACON_UNKNOWN_CATEGORY' } });
      const foreign = await ingest(server, 'shelter', [{}]); // the civil affairs bureau's, not meteorology's
      expect(foreign.status).toBe(403);
      await server.app.engine.catchUp();
      await screen.until((s) => s.seq >= server.app.engine.state.seq);
      await other.until((s) => s.seq >= server.app.engine.state.seq);

      const m = await scrape(server.baseUrl);
      for (const name of SERIES) {
        expect(m.help.get(name), `HELP of ${name}`).toBeTruthy();
        expect(m.samples.some((s) => s.name === name || s.name.startsWith(`${name}_`)), name).toBe(true);
      }
      const meteo = { department: 'meteorology', category: 'rain-gauge' };
      expect(m.value('beacon_ingest_records_total', { ...meteo, outcome: 'stored' })).toBe(4);
      expect(m.value('beacon_ingest_records_total', { ...meteo, outcome: 'duplicate' })).toBe(3);
      expect(m.value('beacon_ingest_batches_refused_total', { ...meteo, code: 'BEACON_INVALID_INPUT' })).toBe(1);
      // A made-up category name is never a label: a sender cannot grow the series.
      expect(m.value('beacon_ingest_batches_refused_total', { department: 'meteorology', category: 'unknown', code: 'BEACON_UNKNOWN_CATEGORY' })).toBe(1);
      expect(m.value('beacon_ingest_batches_refused_total', { department: 'meteorology', category: 'shelter', code: 'BEACON_FORBIDDEN' })).toBe(1);
      expect(m.all('beacon_ingest_batches_refused_total').some((s) => [...s.labels.values()].includes('no-such-category'))).toBe(false);

      const [log] = await server.db.sql<{ head: string; events: string; snapshot: string }[]>`
        select max(seq)::text as head, count(*)::text as events, (select max(seq) from state_snapshots)::text as snapshot from events`;
      const head = Number(log!.head);
      expect(m.value('beacon_log_head_seq')).toBe(head);
      expect(m.value('beacon_log_folded_seq')).toBe(head);
      expect(m.value('beacon_log_behind_events')).toBe(0);
      expect(m.value('beacon_ready')).toBe(1);
      expect(m.value('beacon_database_up')).toBe(1);
      // Four stored records and one feed.rejected event for the invalid batch of meteorology's own category.
      expect(m.value('beacon_folded_events_total')).toBe(Number(log!.events));
      expect(Number(log!.events)).toBe(5);
      expect(m.value('beacon_fold_duration_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(m.value('beacon_fold_duration_seconds_bucket', { le: '+Inf' })).toBe(m.value('beacon_fold_duration_seconds_count'));
      expect(m.value('beacon_unfoldable_events_total')).toBe(0);
      expect(Number(log!.snapshot)).toBeGreaterThan(0); // one every 3 events here
      expect(m.value('beacon_snapshot_behind_events')).toBe(head - Number(log!.snapshot));
      expect(m.value('beacon_snapshot_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(m.value('beacon_snapshot_age_seconds')).toBeLessThan(600);

      expect(m.value('beacon_hub_subscriptions', { view_kind: 'city' })).toBe(2);
      expect(m.value('beacon_hub_subscriptions', { view_kind: 'district' })).toBe(0);
      expect(m.value('beacon_hub_sockets', { namespace: '/' })).toBe(2);
      expect(m.value('beacon_hub_sent_messages_total', { view_kind: 'city', message: 'snapshot' })).toBe(screen.snapshots + other.snapshots);
      expect(m.value('beacon_hub_sent_messages_total', { view_kind: 'city', message: 'delta' })).toBe(screen.deltas.length + other.deltas.length);
      // At least the JSON of what the screens hold: every delta and the snapshot each started from went out.
      const deltaBytes = (w: typeof screen) => w.deltas.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
      expect(m.value('beacon_hub_sent_bytes_total', { view_kind: 'city', message: 'delta' })).toBeGreaterThanOrEqual(deltaBytes(screen) + deltaBytes(other));
      expect(m.value('beacon_hub_sent_bytes_total', { view_kind: 'city', message: 'snapshot' })).toBeGreaterThan(0);

      expect(m.value('beacon_db_pool_max_connections')).toBe(4); // the test server's pool
      // This process's: the LISTEN connection at least; at most the one pool (4) and it (no second, unused drizzle pool).
      const connections = m.all('beacon_db_connections').reduce((n, s) => n + s.value, 0);
      expect(connections).toBeGreaterThanOrEqual(1);
      expect(connections).toBeLessThanOrEqual(5);
      const [named] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where application_name = ${APPLICATION_NAME}`;
      expect(named!.n).toBeGreaterThanOrEqual(connections);
      expect(m.value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

      // The same socket moves to a district: its snapshot is counted to the byte, under the new kind.
      const snapshot = new Promise<unknown>((resolve) => screen.socket.once('view:snapshot', resolve));
      screen.socket.emit('view:subscribe', { protocol: PROTOCOL_VERSION, view: { kind: 'district', district: testRegion().rainGauges[0]!.district } }, () => {});
      const json = Buffer.byteLength(JSON.stringify(['view:snapshot', await snapshot]));
      const moved = await scrape(server.baseUrl);
      expect(moved.value('beacon_hub_subscriptions', { view_kind: 'city' })).toBe(1); // the other screen
      expect(moved.value('beacon_hub_subscriptions', { view_kind: 'district' })).toBe(1);
      // socket.io's packet: "2", the acknowledgement's id, then that JSON.
      const bytes = moved.value('beacon_hub_sent_bytes_total', { view_kind: 'district', message: 'snapshot' });
      expect(bytes).toBeGreaterThan(json);
      expect(bytes).toBeLessThanOrEqual(json + 1 + 10);
    } finally {
      screen.close();
      other.close();
    }
  });

  it('counts a batch that came over the WebSocket stream as one over HTTP: the pipeline is where both are counted', async () => {
    const meteo = { department: 'meteorology', category: 'rain-gauge' };
    const count = (m: Scrape, outcome: string) => m.value('beacon_ingest_records_total', { ...meteo, outcome });
    const refused = (m: Scrape) => m.value('beacon_ingest_batches_refused_total', { ...meteo, code: 'BEACON_INVALID_INPUT' });
    const before = await scrape(server.baseUrl);
    const stream = await openStream(server.baseUrl, { key: server.meteorologyKey });
    try {
      const records = gauges([testGauge(4), testGauge(3)]);
      expect(await stream.request({ id: 's-1', category: 'rain-gauge', records })).toMatchObject({ ok: true, ack: { accepted: 2 } });
      expect(await stream.request({ id: 's-2', category: 'rain-gauge', records: records.slice(0, 1) })).toMatchObject({ ok: true, ack: { duplicates: 1 } });
      expect(await stream.request({ id: 's-3', category: 'rain-gauge', records: [{ stationId: testGauge(4) }] })).toMatchObject({ ok: false, error: { code: 'BEACON_INVALID_INPUT' } });
    } finally {
      stream.close();
    }
    const after = await scrape(server.baseUrl);
    expect(count(after, 'stored') - count(before, 'stored')).toBe(2);
    expect(count(after, 'duplicate') - count(before, 'duplicate')).toBe(1);
    expect(refused(after) - refused(before)).toBe(1);
  });

  it('counts an event of the log that cannot be folded, as readiness does', async () => {
    // A row no ingest path writes (its payload is JSON null), appended the way ingest appends.
    await server.db.sql.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      const [row] = await tx<{ seq: string }[]>`
        insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
        values ('record.received', 'meteorology', 'wind-station', 'W-BAD', now(), 'test:metrics-malformed', 'test', 'null'::jsonb)
        returning seq`;
      await tx`select pg_notify('beacon_log', ${row!.seq})`;
    });
    await server.app.engine.catchUp();
    const m = await scrape(server.baseUrl);
    expect(m.value('beacon_unfoldable_events_total')).toBe(1);
    const ready = (await (await fetch(`${server.baseUrl}/api/v1/ready`)).json()) as { unfoldable: number };
    expect(ready.unfoldable).toBe(1);
    expect(m.value('beacon_log_behind_events')).toBe(0); // passed, not stuck on
  });

  it('answers an admin\'s token and the scrape token; refuses everyone else, naming what was expected', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${server.tokens.admin}` } })).status).toBe(200);
    await scrape(server.baseUrl);
    const refusals: [string | undefined, number][] = [
      [undefined, 401], [`${SCRAPE_TOKEN.slice(0, -1)}${SCRAPE_TOKEN.endsWith('0') ? '1' : '0'}`, 401], [SCRAPE_TOKEN.slice(1), 401], [`${SCRAPE_TOKEN}0`, 401], [server.tokens.duty, 403],
      [server.tokens.commander, 403], [server.wallToken, 403], [server.meteorologyKey, 403],
    ];
    for (const [token, status] of refusals) {
      for (const method of ['GET', 'HEAD']) {
        const res = await fetch(`${server.baseUrl}/metrics`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
        expect(res.status, `${method} with ${token?.slice(0, 8) ?? 'nothing'}`).toBe(status);
        if (method === 'GET') {
          const body = (await res.json()) as { issues: { path: string; expected: string }[] };
          expect(body.issues[0]).toMatchObject({ path: 'authorization' });
        } else {
          await res.arrayBuffer();
        }
      }
    }
  });

  it('is in the API docs, saying who may read it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await (await fetch(`${server.baseUrl}/docs/json`)).json()) as any;
    const route = doc.paths['/metrics'].get;
    expect(route.description).toContain('Roles: admin; or the metrics scrape token (BEACON_METRICS_TOKEN).');
    expect(Object.keys(route.responses['200'].content)).toEqual(['text/plain; version=0.0.4; charset=utf-8']);
  });

  it('will not start with a scrape token short enough to guess', async () => {
    const db = connectDatabase(database.url, { max: 2 });
    try {
      await expect(buildApp({ db, screenDir: null, snapshots: false, metrics: { scrapeToken: 'prometheus' } })).rejects.toThrow('BEACON_METRICS_TOKEN must be at least 32 characters');
    } finally {
      await db.close();
    }
  });
});

describe('liveness and readiness', () => {
  it('a node held behind an open transaction is live, not ready (503), and its lag series says how far', async () => {
    const held = await server.db.sql.reserve();
    try {
      await held`begin`;
      await held`select pg_current_xact_id()`;
      await held`select nextval('events_seq_seq')`; // a number drawn and held: every event after it waits
      expect((await ingest(server, 'rain-gauge', gauges([testGauge(0), testGauge(1)]))).status).toBe(200);

      const db = connectDatabase(database.url, { max: 4 });
      const late = await buildApp({ db, region: testRegion(), screenDir: null, snapshots: false, metrics: { scrapeToken: SCRAPE_TOKEN } }, {}, { current: false });
      await late.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(late.server.address() as { port: number }).port}`;
      try {
        expect(await (await fetch(`${url}/api/v1/live`)).json()).toEqual({ status: 'alive' });
        const ready = await fetch(`${url}/api/v1/ready`);
        const body = (await ready.json()) as { status: string; behind: number; head: number; seq: number };
        expect(ready.status).toBe(503);
        expect(body.status).toBe('catching-up');
        expect(body.behind).toBeGreaterThanOrEqual(2);
        const health = await fetch(`${url}/api/v1/health`);
        expect(health.status).toBe(503);
        await health.arrayBuffer();

        const m = await scrape(url);
        expect(m.value('beacon_ready')).toBe(0);
        expect(m.value('beacon_database_up')).toBe(1);
        // Nothing is written meanwhile: the scrape sees what readiness saw.
        expect(m.value('beacon_log_head_seq')).toBe(body.head);
        expect(m.value('beacon_log_folded_seq')).toBe(body.seq);
        expect(m.value('beacon_log_behind_events')).toBe(body.behind);

        await held`commit`;
        await late.engine.whenCurrent();
        const now = await fetch(`${url}/api/v1/ready`);
        expect(now.status).toBe(200);
        expect(await now.json()).toMatchObject({ status: 'ok', behind: 0 });
        const after = await scrape(url);
        expect(after.value('beacon_ready')).toBe(1);
        expect(after.value('beacon_log_behind_events')).toBe(0);
      } finally {
        await late.close();
        await db.close();
      }
    } finally {
      held.release();
    }
  });

  it('a node whose database is gone is live, not ready; the series read from the database are NaN, not stale', async () => {
    const scratch = await createTestDatabase();
    const node = await startTestServer(scratch.url, { snapshots: false, metrics: { scrapeToken: SCRAPE_TOKEN } });
    try {
      expect((await ingest(node, 'rain-gauge', gauges([testGauge(0)]))).status).toBe(200);
      expect((await scrape(node.baseUrl)).value('beacon_log_head_seq')).toBeGreaterThan(0);
      await scratch.drop(); // drop … with (force): every connection of the node is cut, and none can come back
      expect((await fetch(`${node.baseUrl}/api/v1/live`)).status).toBe(200);
      const ready = await fetch(`${node.baseUrl}/api/v1/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'database-unreachable' });
      const m = await scrape(node.baseUrl);
      expect(m.value('beacon_database_up')).toBe(0);
      expect(m.value('beacon_ready')).toBe(0);
      expect(m.value('beacon_log_head_seq')).toBeNaN();
      expect(m.value('beacon_log_behind_events')).toBeNaN();
      expect(m.value('beacon_snapshot_age_seconds')).toBeNaN();
      expect(m.all('beacon_db_connections')).toEqual([]);
      expect(m.value('beacon_log_folded_seq')).toBeGreaterThan(0); // what this node holds: still true
    } finally {
      await node.close();
    }
  });
});
