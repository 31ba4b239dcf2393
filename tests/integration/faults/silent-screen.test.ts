import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TREND_SLOT_MS, type ViewRef } from '@beacon/shared';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testPlaces } from '@beacon/shared/views/test-places.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { ACK_WINDOW, PENDING_VOLUME_BOUND } from '@beacon/server/hub/subscriptions.ts';
import { expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

/**
 * Fault case (issue #12 item 7): a screen stops acknowledging while the feed goes on. The hub must
 * hold at most PENDING_VOLUME_BOUND points and transitions for it, send it nothing past its
 * acknowledgement window (ACK_WINDOW) meanwhile, and bring it back with a snapshot when it acknowledges again (a district screen, which sees less,
 * stays under the bound and gets one merged delta).
 *
 * "60 s of feed" is a volume, not a wait: the simulated typhoon sends ~51 events/s, so ten rounds of
 * at least 310 rain readings (every gauge of the region of the run, for as many observation times as
 * that takes, 5 minutes apart: Xiamen's 31 gauges × 10) and 5 incident steps are over 3,000 events. Each round is one
 * delta; the first ACK_WINDOW.size rounds go out before the screen's window is full, so the test runs
 * that many rounds more than ten.
 */
const region = testRegion();
const { A1 } = testPlaces(region);
const MINUTES = Math.ceil(310 / region.rainGauges.length);
const ROUNDS = ACK_WINDOW.size + 10;

const NOW = Date.now();
/** Far enough back that the last round's readings are still in the past (ingest refuses times ahead of the server's). */
const FIRST_OBSERVATION = NOW - (ROUNDS + 2) * MINUTES * TREND_SLOT_MS;
let database: TestDatabase;
let server: TestServer;
let emergencyKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // A long tick: the test drives the hub's tick by hand, so it checks the hub between known steps.
  server = await startTestServer(database.url, { now: () => NOW, rateLimit: false, hub: { tickMs: 3_600_000 } });
  emergencyKey = (await createDepartmentKey(server.db.sql, 'emergency', 'silent screen fault case')).key;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function post(category: string, key: string, records: object[]): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ records }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/**
 * The `k`-th observation time, a trend slot (5 minutes) after the one before: deltas keep one point a
 * slot, so readings closer together would not each be a point the hub holds for a silent screen.
 */
const observedAt = (k: number) => new Date(FIRST_OBSERVATION + k * TREND_SLOT_MS).toISOString();

/** One round: MINUTES observations of every gauge, and an incident in district A that opens, is handled and closes. */
async function round(r: number): Promise<void> {
  const rain = [];
  for (let m = 0; m < MINUTES; m++) {
    for (const g of region.rainGauges) rain.push({ stationId: g.id, observedAt: observedAt(r * MINUTES + m), rainfall1hMm: (r * MINUTES + m + g.id.length) % 80 });
  }
  await post('rain-gauge', server.meteorologyKey, rain);
  const statuses = ['open', 'handling', 'handling', 'handling', 'closed'] as const;
  for (const [i, status] of statuses.entries()) {
    await post('incident', emergencyKey, [{
      incidentId: `INC-${r}`, observedAt: observedAt(r * MINUTES + i), version: 1, kind: 'flood', severity: 'III', status,
      title: `积水 ${r}`, lon: A1.lon, lat: A1.lat + i * 0.001, district: A1.district,
    }]);
  }
}

/** Folds what was committed and runs one hub tick. */
async function tick(): Promise<void> {
  await server.app.engine.catchUp();
  server.app.hub.subscriptions.flush();
}

/** Lets socket.io deliver what the tick sent (and the acks come back): a hand-run tick, then a turn of the event loop. */
async function settle(): Promise<void> {
  await tick();
  await new Promise((r) => setTimeout(r, 50));
  await tick();
}

describe('a screen that does not acknowledge for 60 s of feed', () => {
  it('costs the hub at most the bound, gets nothing past its window meanwhile, then converges through one snapshot', async () => {
    const city: ViewRef = { kind: 'city' };
    const districtA: ViewRef = { kind: 'district', district: A1.district };
    let acking = false;
    const silent = await watch(server, city, { ackDeltas: () => acking });
    const silentDistrict = await watch(server, districtA, { ackDeltas: () => acking });
    const steady = await watch(server, city);
    const subs = server.app.hub.subscriptions;
    try {
      let largest = 0;
      let owedSnapshot = false;
      for (let r = 0; r < ROUNDS; r++) {
        await round(r);
        await settle();
        for (const screen of [silent, silentDistrict]) {
          if (r === 0) await screen.until(() => screen.deltas.length >= 1);
          const held = subs.retained(screen.socket.id!)!;
          largest = Math.max(largest, held.volume);
          owedSnapshot ||= held.snapshotDue;
          // The window's worth went out and is unacknowledged: nothing else follows it.
          expect(screen.deltas.length).toBeLessThanOrEqual(ACK_WINDOW.size);
          expect(held.unacknowledged).toBe(screen.deltas.length);
        }
      }
      // The rounds are more ticks with changes than the window: it is full, for both.
      for (const screen of [silent, silentDistrict]) expect(screen.deltas).toHaveLength(ACK_WINDOW.size);
      expect(largest).toBeGreaterThan(0);
      expect(largest).toBeLessThanOrEqual(PENDING_VOLUME_BOUND);
      expect(owedSnapshot).toBe(true);
      expect(subs.retained(silent.socket.id!)).toMatchObject({ volume: 0, snapshotDue: true });
      expect(subs.retained(silentDistrict.socket.id!)).toMatchObject({ snapshotDue: false });
      expect(steady.snapshots).toBe(1);

      // It acknowledges again; from here the hub ticks by itself, as it would (every 20 ms).
      const ticking = setInterval(() => subs.flush(), 20);
      try {
        acking = true;
        silent.releaseAcks();
        silentDistrict.releaseAcks();
        await silent.until(() => silent.snapshots === 2);
        // The district saw a fraction of the points and the transitions, under the bound: it gets one merged
        // delta instead, with every step of every incident.
        await silentDistrict.until(() => silentDistrict.deltas.length === ACK_WINDOW.size + 1);
        expect(silentDistrict.snapshots).toBe(1);
        // What the window's deltas did not carry is all in this one: every step of the rounds' incidents, once.
        const steps = silentDistrict.deltas.map((d) => d.transitions.incident?.length ?? 0);
        expect(steps.reduce((a, b) => a + b, 0)).toBe(5 * ROUNDS);
        expect(steps.at(-1)).toBeGreaterThan(0);

        // And the feed goes on: deltas flow again after the snapshot.
        const deltasBefore = silent.deltas.length;
        await round(ROUNDS);
        await server.app.engine.catchUp();
        await silent.until(() => silent.deltas.length > deltasBefore);

        await expectScreensMatchLog(server.db.sql, region, [
          { client: silent, view: city }, { client: silentDistrict, view: districtA }, { client: steady, view: city },
        ]);
        expect(silent.snapshots).toBe(2);
        expect(steady.snapshots).toBe(1);
      } finally {
        clearInterval(ticking);
      }
    } finally {
      for (const s of [silent, silentDistrict, steady]) s.close();
    }
  });
});
