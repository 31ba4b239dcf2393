import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState, ViewRef } from '@beacon/shared';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testPlaces } from '@beacon/shared/views/test-places.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { ACK_WINDOW } from '@beacon/server/hub/subscriptions.ts';
import { expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch, type WatchingClient } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

/**
 * Fault case (issue #12 item 5): rescue teams drive between districts and subdistricts while screens
 * watch a district and a subdistrict. A team that leaves must leave the screen in the next delta, and
 * one that comes must appear — live, through a coalesced delta, and through a resume after a cut.
 */

const NOW = Date.now();
let database: TestDatabase;
let server: TestServer;
let emergencyKey: string;
let minute = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, rateLimit: false, hub: { tickMs: 20 } });
  emergencyKey = (await createDepartmentKey(server.db.sql, 'emergency', 'views fault case')).key;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

// Region-generic: seats of the region of the run (BEACON_TEST_REGION) cast by test-places.ts: A1–A3 in
// district A (A1's subdistrict is the subdistrict screen's), B1–B2 in district B, C1 in a third.
const region = testRegion();
const places = testPlaces(region);
const seat = (name: keyof typeof places) => places[name];

/** Reports where teams are now (each at a subdistrict seat), as their terminals would: one batch, a fresh observation time. */
async function move(teams: Record<string, keyof typeof places>): Promise<void> {
  minute += 1;
  const observedAt = new Date(NOW - 600 * 60_000 + minute * 60_000).toISOString();
  const records = Object.entries(teams).map(([teamId, at]) => {
    const g = seat(at);
    return { teamId, observedAt, name: `队伍 ${teamId}`, tier: 'comprehensive', members: 20, status: 'dispatched', lon: g.lon, lat: g.lat, district: g.district };
  });
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/rescue-team`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${emergencyKey}` },
    body: JSON.stringify({ records }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const teamsOn = (s: LiveState) => Object.keys(s.latest['rescue-team'] ?? {}).sort();
/** Waits until the screen has everything the engine folded, then says which teams it shows. */
async function shown(client: WatchingClient): Promise<string[]> {
  await server.app.engine.catchUp();
  const seq = server.app.engine.state.seq;
  return teamsOn(await client.until((s) => s.seq >= seq));
}

const districtA: ViewRef = { kind: 'district', district: places.A1.district };
const districtB: ViewRef = { kind: 'district', district: places.B1.district };
const subdistrictA1: ViewRef = { kind: 'subdistrict', district: places.A1.district, subdistrict: places.A1.name.zh };

describe('teams leaving and entering views', () => {
  it('leave and enter district and subdistrict screens in the next delta', async () => {
    const screens = { districtA: await watch(server, districtA), districtB: await watch(server, districtB), subdistrictA1: await watch(server, subdistrictA1) };
    try {
      await move({ A: 'A1', B: 'A2', C: 'B1' });
      expect(await shown(screens.districtA)).toEqual(['A', 'B']);
      expect(await shown(screens.subdistrictA1)).toEqual(['A']);
      expect(await shown(screens.districtB)).toEqual(['C']);

      // A crosses into district B; C crosses into district A, onto A1's subdistrict.
      await move({ A: 'B2', C: 'A1' });
      expect(await shown(screens.districtA)).toEqual(['B', 'C']);
      expect(await shown(screens.subdistrictA1)).toEqual(['C']);
      expect(await shown(screens.districtB)).toEqual(['A']);

      // C moves within district A: it stays on the district screen and leaves the subdistrict one.
      await move({ C: 'A3' });
      expect(await shown(screens.districtA)).toEqual(['B', 'C']);
      expect(await shown(screens.subdistrictA1)).toEqual([]);
      const removal = screens.subdistrictA1.deltas.at(-1)!;
      expect(Object.keys(removal.removed['rescue-team'] ?? {})).toEqual(['C']);

      await expectScreensMatchLog(server.db.sql, region, [
        { client: screens.districtA, view: districtA }, { client: screens.districtB, view: districtB }, { client: screens.subdistrictA1, view: subdistrictA1 },
      ]);
    } finally {
      for (const s of Object.values(screens)) s.close();
    }
  });

  it('end right when a screen that held its acknowledgement gets a leave and a return merged into one delta', async () => {
    await move({ D: 'A2', E: 'B2', K: 'A3' });
    let acking = true;
    const screen = await watch(server, districtA, { ackDeltas: () => acking });
    try {
      expect(await shown(screen)).toEqual(expect.arrayContaining(['D', 'K']));
      acking = false;
      // These deltas are held unacknowledged until the hub's window (ACK_WINDOW) is full...
      const unacknowledged = () => server.app.hub.subscriptions.retained(screen.socket.id!)!.unacknowledged;
      for (let i = 0; unacknowledged() < ACK_WINDOW.size; i++) {
        await move({ F: i % 2 ? 'A3' : 'A2' });
        await shown(screen);
      }
      const held = screen.deltas.length;
      await move({ D: 'B1', E: 'A2', K: 'B2' }); // ...so D's and K's leaving and E's arrival wait,
      await move({ D: 'A3', E: 'C1' }); // and merge with D's return and E's leaving.
      await server.app.engine.catchUp();
      expect(screen.deltas.length).toBe(held);
      acking = true;
      screen.releaseAcks();
      const teams = await shown(screen);
      expect(screen.deltas.length).toBe(held + 1);
      expect(teams).toContain('D');
      expect(teams).not.toContain('E');
      expect(teams).not.toContain('K');
      await expectScreensMatchLog(server.db.sql, region, [{ client: screen, view: districtA }]);
    } finally {
      screen.close();
    }
  });

  it('remove a team that left while a screen was cut off, in the resume delta', async () => {
    await move({ G: 'A1' });
    const screen = await watch(server, subdistrictA1, { reconnection: true });
    try {
      expect(await shown(screen)).toContain('G');
      screen.socket.disconnect();
      await move({ G: 'C1' });
      await move({ H: 'A1' });
      await server.app.engine.catchUp();
      const seen = screen.deltas.length;
      screen.socket.connect();
      const teams = await shown(screen);
      expect(screen.subscriptions.at(-1)).toMatchObject({ ok: true, mode: 'resume' });
      expect(screen.snapshots).toBe(1);
      expect(Object.keys(screen.deltas[seen]?.removed['rescue-team'] ?? {})).toEqual(['G']);
      expect(teams).toContain('H');
      expect(teams).not.toContain('G');
      await expectScreensMatchLog(server.db.sql, region, [{ client: screen, view: subdistrictA1 }]);
    } finally {
      screen.close();
    }
  });
});
