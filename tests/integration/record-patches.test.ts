import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatchedDelta, ViewRef } from '@beacon/shared';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testPlaces } from '@beacon/shared/views/test-places.ts';
import { departmentSender } from '../support/department-sender.ts';
import { expectScreensMatchLog } from '../support/log-truth.ts';
import { watch, type WatchingClient } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * Changed-field deltas (issue #14 item 5) through real sockets: while gauges report, teams drive in
 * and out of a district and of an incident's surroundings, and the incident itself changes and moves,
 * screens that acknowledge get records of entities they hold as patches — and one that now and then
 * holds its acknowledgement back gets merged deltas of whole records in between. After many ticks
 * every screen equals the log folded from the start, and no patch ever missed its base.
 */

const NOW = Date.now();
const region = testRegion();
const places = testPlaces(region);
let database: TestDatabase;
let server: TestServer;
const send = departmentSender(() => server, 'record patches test');

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, rateLimit: false, hub: { tickMs: 20 } });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const minuteAt = (m: number) => new Date(NOW - 600 * 60_000 + m * 60_000).toISOString();
const seats = [places.A1, places.A2, places.A3, places.B1, places.C1];

/** One round of the feed: every gauge reports, three teams move a seat on, the incident changes status and creeps north. */
async function round(r: number): Promise<void> {
  const observedAt = minuteAt(r);
  await send('rain-gauge', region.rainGauges.map((g, i) => ({ stationId: g.id, observedAt, rainfall1hMm: (r * 7 + i) % 60 })));
  await send('rescue-team', ['T1', 'T2', 'T3'].map((teamId, i) => {
    const g = seats[(r + i * 2) % seats.length]!;
    return { teamId, observedAt, name: `队伍 ${teamId}`, tier: 'comprehensive', members: 20 + (r % 3), status: r % 4 === 0 ? 'standby' : 'dispatched', lon: g.lon, lat: g.lat, district: g.district };
  }));
  await send('incident', [{
    incidentId: 'INC-P', observedAt, version: 1, kind: 'flood', severity: 'III', status: r % 5 === 4 ? 'handling' : 'open',
    title: '积水', lon: places.A1.lon, lat: places.A1.lat + (r % 6) * 0.002, district: places.A1.district,
  }]);
}

/** Waits until a screen has everything the engine has folded. */
async function caughtUp(client: WatchingClient): Promise<void> {
  await server.app.engine.catchUp();
  const seq = server.app.engine.state.seq;
  await client.until((s) => s.seq >= seq);
}

const patchesIn = (deltas: readonly PatchedDelta[]) =>
  deltas.reduce((n, d) => n + Object.values(d.patches ?? {}).reduce((m, byId) => m + Object.keys(byId).length, 0), 0);

describe('screens sent changed fields', () => {
  it('equal the folded log after many ticks, with patches flowing and none out of step', async () => {
    await round(0); // the incident exists before its screen subscribes
    await server.app.engine.catchUp();
    const views: Record<string, ViewRef> = {
      city: { kind: 'city' },
      district: { kind: 'district', district: places.A1.district },
      incident: { kind: 'incident', incidentId: 'INC-P' },
      behind: { kind: 'city' },
    };
    let acking = true;
    const screens = {
      city: await watch(server, views.city),
      district: await watch(server, views.district),
      incident: await watch(server, views.incident),
      behind: await watch(server, views.behind, { ackDeltas: () => acking }),
    };
    try {
      for (let r = 1; r <= 30; r++) {
        // The 'behind' screen holds its acknowledgements for ten rounds of every twelve: more ticks than its
        // window (ACK_WINDOW), so the hub merges its changes, and the merged delta goes with whole records.
        if (r % 12 === 1) acking = false;
        await round(r);
        for (const name of ['city', 'district', 'incident'] as const) await caughtUp(screens[name]);
        if (r % 12 === 11) {
          acking = true;
          screens.behind.releaseAcks();
        }
      }
      acking = true;
      screens.behind.releaseAcks();

      await expectScreensMatchLog(server.db.sql, region, Object.entries(screens).map(([name, client]) => ({ client, view: views[name]! })));
      for (const [name, client] of Object.entries(screens)) {
        expect(client.outOfStep, name).toEqual([]);
        expect(client.snapshots, name).toBe(1);
        expect(patchesIn(client.deltas), name).toBeGreaterThan(0);
      }
      // Every gauge's record after its first went as a patch to the city screen that kept up.
      expect(patchesIn(screens.city.deltas)).toBeGreaterThanOrEqual(29 * region.rainGauges.length);
      // The screen that fell behind was sent whole records in the deltas merged while it was silent.
      expect(screens.behind.deltas.some((d) => d.patches === undefined && Object.keys(d.latest['rain-gauge'] ?? {}).length > 0)).toBe(true);
    } finally {
      for (const s of Object.values(screens)) s.close();
    }
  });
});
