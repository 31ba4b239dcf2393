import { TREND_SLOT_MS, ViewFilter, rainfallOf, type LiveState, type ViewRef } from '@beacon/shared';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testPlaces } from '@beacon/shared/views/test-places.ts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldWholeLog } from '@beacon/server/engine/live-engine.ts';
import { ACK_WINDOW } from '@beacon/server/hub/subscriptions.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Region-generic: gauges of the region of the run (BEACON_TEST_REGION): one in district A, one beyond
// it (test-places.ts), and eleven more, each test's own, so no test sees another's readings.
const region = testRegion();
const { A1, C1 } = testPlaces(region);
const inA = A1.id;
const beyondA = C1.id;
const [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11] = region.rainGauges.filter((g) => g !== A1 && g !== C1).map((g) => g.id) as [string, string, string, string, string, string, string, string, string, string, string];

let database: TestDatabase;
let a: TestServer;
let b: TestServer;
let minute = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  a = await startTestServer(database.url, { hub: { tickMs: 20 } });
  b = await startTestServer(database.url, { hub: { tickMs: 20, resumeCapacity: 3 } });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

/** Posts readings to a node; each call uses a fresh observation minute so nothing is a duplicate. */
async function post(node: TestServer, readings: Record<string, number>) {
  minute += 1;
  const observedAt = new Date(Date.now() - 600 * 60_000 + minute * 60_000).toISOString();
  const res = await fetch(`${node.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${node.meteorologyKey}` },
    body: JSON.stringify({ records: Object.entries(readings).map(([stationId, rainfall1hMm]) => ({ stationId, observedAt, rainfall1hMm })) }),
  });
  expect(res.status).toBe(200);
}

const viewOf = (node: TestServer, view: ViewRef): LiveState => ViewFilter.for(region, view, node.app.engine.state).state(node.app.engine.state);

describe('two nodes on one database', () => {
  it('a record ingested on node A reaches a screen on node B', async () => {
    const onB = await watch(b);
    try {
      await post(a, { [R1]: 31.5 });
      await onB.until((s) => rainfallOf(s, R1)?.rainfall1hMm === 31.5);
      await a.app.engine.catchUp();
      await b.app.engine.catchUp();
      expect(b.app.engine.state).toEqual(a.app.engine.state);
    } finally {
      onB.close();
    }
  });

  it('never skips an event that commits late, and skips one that never commits', async () => {
    await a.app.engine.catchUp();
    const startPos = a.app.engine.state.seq;
    // A slow writer: draws a sequence number, then holds its transaction open.
    const held = await a.db.sql.reserve();
    await held`begin`;
    await held`select pg_current_xact_id()`;
    const [late] = await held`
      insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
      values ('record.received', 'meteorology', 'rain-gauge', ${R2}, now() - interval '1 minute', 'late-commit-test', 'test',
              ${a.db.sql.json({ stationId: R2, observedAt: new Date(Date.now() - 60_000).toISOString(), rainfall1hMm: 66.6, version: 1 })})
      returning seq`;
    // A writer that rolls back: its number is never committed.
    const gone = await a.db.sql.reserve();
    await gone`begin`;
    await gone`select pg_current_xact_id()`;
    await gone`insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
               values ('record.received', 'meteorology', 'rain-gauge', ${R3}, now(), 'rolled-back-test', 'test', '{}'::jsonb)`;
    // A later record commits first.
    await post(a, { [R4]: 12.3 });
    await new Promise((r) => setTimeout(r, 200));
    for (const node of [a, b]) {
      expect(rainfallOf(node.app.engine.state, R4)?.rainfall1hMm).not.toBe(12.3); // held behind the open gap
      expect(node.app.engine.state.seq).toBeLessThan(Number(late!.seq));
    }
    await gone`rollback`;
    gone.release();
    await held`commit`;
    held.release();
    for (const node of [a, b]) {
      await node.app.engine.catchUp();
      expect(rainfallOf(node.app.engine.state, R2)?.rainfall1hMm).toBe(66.6);
      expect(rainfallOf(node.app.engine.state, R4)?.rainfall1hMm).toBe(12.3);
      expect(node.app.engine.state.seq).toBeGreaterThan(startPos);
      // Nothing skipped, nothing twice: equal to a fold of the whole log.
      expect(node.app.engine.state).toEqual(await foldWholeLog(node.db.sql));
    }
  });
});

describe('subscriptions', () => {
  it('send a district only its own changes', async () => {
    const districtA = await watch(a, { kind: 'district', district: A1.district });
    try {
      await post(a, { [inA]: 44.4, [beyondA]: 55.5 });
      await districtA.until((s) => rainfallOf(s, inA)?.rainfall1hMm === 44.4);
      await a.app.engine.catchUp();
      await new Promise((r) => setTimeout(r, 60));
      expect(rainfallOf(districtA.state(), beyondA)).toBeNull();
      expect(districtA.deltas.every((d) => !d.latest['rain-gauge']?.[beyondA])).toBe(true);
      expect(districtA.state().latest).toEqual(viewOf(a, { kind: 'district', district: A1.district }).latest);
    } finally {
      districtA.close();
    }
  });

  it('coalesce for a screen that has not acknowledged: it gets the latest state, not a backlog', async () => {
    let acking = false;
    const slow = await watch(a, { kind: 'city' }, { ackDeltas: () => acking });
    try {
      // The hub sends a few messages ahead of the acknowledgements (ACK_WINDOW): readings one at a time until its window is full.
      const unacknowledged = () => a.app.hub.subscriptions.retained(slow.socket.id!)!.unacknowledged;
      let value = 0;
      while (unacknowledged() < ACK_WINDOW.size) {
        await post(a, { [R5]: ++value });
        await slow.until((s) => rainfallOf(s, R5)?.rainfall1hMm === value);
      }
      const before = slow.deltas.length;
      for (let i = 1; i <= 7; i++) await post(a, { [R5]: value + i });
      await new Promise((r) => setTimeout(r, 200));
      expect(slow.deltas.length).toBe(before); // nothing more while the window is full
      acking = true;
      slow.releaseAcks(); // the next delta carries everything since, merged into one
      await slow.until((s) => rainfallOf(s, R5)?.rainfall1hMm === value + 7);
      expect(slow.deltas.length - before).toBe(1);
      // The readings were a minute apart: one point a 5-minute slot, the newest of its slot, and the
      // screen's trend is the server's.
      const points = slow.deltas.at(-1)?.points['rain-gauge']?.[R5] ?? [];
      expect(points.at(-1)?.value).toBe(value + 7);
      expect(new Set(points.map((p) => Math.floor(p.t / TREND_SLOT_MS))).size).toBe(points.length);
      expect(slow.state().trends).toEqual(viewOf(a, { kind: 'city' }).trends);
    } finally {
      slow.close();
    }
  });

  it('answer a malformed subscription with the fields that are wrong', async () => {
    const socket = io(a.baseUrl, { transports: ['websocket'], reconnection: false, auth: { token: a.wallToken } });
    try {
      const result = await new Promise<unknown>((resolve) => {
        socket.emit('view:subscribe', { protocol: 99, view: { kind: 'district', district: 'Atlantis' }, since: -1 } as never, resolve);
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'BEACON_INVALID_SUBSCRIPTION' } });
      const paths = (result as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort();
      expect(paths).toEqual(['/protocol', '/since', '/view/district']);
    } finally {
      socket.close();
    }
  });
});

describe('reconnect', () => {
  it('resumes from the last sequence after a cut: no gap, no duplicate, no second snapshot', async () => {
    const screen = await watch(a, { kind: 'city' }, { reconnection: true });
    try {
      await post(a, { [R6]: 5 });
      await screen.until((s) => rainfallOf(s, R6)?.rainfall1hMm === 5);
      await a.app.engine.catchUp();
      await screen.until((s) => s.seq === a.app.engine.state.seq);
      screen.socket.disconnect(); // the 4G drops...
      await post(a, { [R7]: 6 });
      await post(a, { [R8]: 7 });
      await a.app.engine.catchUp();
      await new Promise((r) => setTimeout(r, 60));
      const seen = screen.deltas.length;
      screen.socket.connect(); // ...and comes back
      await screen.until((s) => rainfallOf(s, R8)?.rainfall1hMm === 7, 5000);
      const resumed = screen.deltas[seen];
      expect(Object.keys(resumed?.latest['rain-gauge'] ?? {}).sort()).toEqual([R7, R8].sort());
      await a.app.engine.catchUp();
      await screen.until((s) => s.seq === a.app.engine.state.seq);
      expect(screen.subscriptions.at(-1)).toMatchObject({ ok: true, mode: 'resume' });
      expect(screen.snapshots).toBe(1);
      expect(screen.state()).toEqual(viewOf(a, { kind: 'city' }));
    } finally {
      screen.close();
    }
  });

  it('resumes after the network drops under it (socket.io reconnects by itself)', async () => {
    const screen = await watch(a, { kind: 'city' }, { reconnection: true, reconnectionDelay: 600 });
    try {
      await a.app.engine.catchUp();
      await screen.until((s) => s.seq === a.app.engine.state.seq);
      const seen = screen.deltas.length;
      screen.socket.io.engine.close(); // the transport dies; the client notices and waits ~600 ms to retry
      await post(a, { [R9]: 21 });
      await post(a, { [R10]: 22 });
      await screen.until((s) => rainfallOf(s, R10)?.rainfall1hMm === 22, 5000);
      expect(screen.subscriptions.at(-1)).toMatchObject({ ok: true, mode: 'resume' });
      expect(screen.snapshots).toBe(1);
      expect(Object.keys(screen.deltas[seen]?.latest['rain-gauge'] ?? {}).sort()).toEqual([R9, R10].sort());
      await a.app.engine.catchUp();
      await screen.until((s) => s.seq === a.app.engine.state.seq);
      expect(screen.state()).toEqual(viewOf(a, { kind: 'city' }));
    } finally {
      screen.close();
    }
  });

  it('gets a fresh snapshot when it was away too long for a resume', async () => {
    const screen = await watch(b, { kind: 'city' }, { reconnection: true }); // node b keeps only 3 deltas
    try {
      await b.app.engine.catchUp();
      await screen.until((s) => s.seq === b.app.engine.state.seq);
      screen.socket.disconnect();
      for (let i = 0; i < 6; i++) {
        await post(b, { [R11]: 10 + i });
        await b.app.engine.catchUp();
        await new Promise((r) => setTimeout(r, 40)); // let each land in its own tick
      }
      screen.socket.connect();
      await screen.until((s) => rainfallOf(s, R11)?.rainfall1hMm === 15, 5000);
      expect(screen.subscriptions.at(-1)).toMatchObject({ ok: true, mode: 'snapshot' });
      expect(screen.snapshots).toBe(2);
      expect(screen.state()).toEqual(viewOf(b, { kind: 'city' }));
    } finally {
      screen.close();
    }
  });
});
