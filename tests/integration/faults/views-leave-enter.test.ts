import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xiamen, type LiveState, type ViewRef } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
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

const seat = (id: string) => xiamen.rainGauges.find((g) => g.id === id)!;

/** Reports where teams are now (each at a subdistrict seat), as their terminals would: one batch, a fresh observation time. */
async function move(teams: Record<string, string>): Promise<void> {
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

const siming: ViewRef = { kind: 'district', district: '思明区' };
const huli: ViewRef = { kind: 'district', district: '湖里区' };
const gulangyu: ViewRef = { kind: 'subdistrict', district: '思明区', subdistrict: seat('SM01').name.zh };

describe('teams leaving and entering views', () => {
  it('leave and enter district and subdistrict screens in the next delta', async () => {
    const screens = { siming: await watch(server, siming), huli: await watch(server, huli), gulangyu: await watch(server, gulangyu) };
    try {
      await move({ A: 'SM01', B: 'SM02', C: 'HL01' });
      expect(await shown(screens.siming)).toEqual(['A', 'B']);
      expect(await shown(screens.gulangyu)).toEqual(['A']);
      expect(await shown(screens.huli)).toEqual(['C']);

      // A crosses into Huli; C crosses into Siming, onto Gulangyu.
      await move({ A: 'HL02', C: 'SM01' });
      expect(await shown(screens.siming)).toEqual(['B', 'C']);
      expect(await shown(screens.gulangyu)).toEqual(['C']);
      expect(await shown(screens.huli)).toEqual(['A']);

      // C moves within Siming: it stays on the district screen and leaves the subdistrict one.
      await move({ C: 'SM04' });
      expect(await shown(screens.siming)).toEqual(['B', 'C']);
      expect(await shown(screens.gulangyu)).toEqual([]);
      const removal = screens.gulangyu.deltas.at(-1)!;
      expect(Object.keys(removal.removed['rescue-team'] ?? {})).toEqual(['C']);

      await expectScreensMatchLog(server.db.sql, xiamen, [
        { client: screens.siming, view: siming }, { client: screens.huli, view: huli }, { client: screens.gulangyu, view: gulangyu },
      ]);
    } finally {
      for (const s of Object.values(screens)) s.close();
    }
  });

  it('end right when a screen that held its acknowledgement gets a leave and a return merged into one delta', async () => {
    await move({ D: 'SM02', E: 'HL03', K: 'SM04' });
    let acking = true;
    const screen = await watch(server, siming, { ackDeltas: () => acking });
    try {
      expect(await shown(screen)).toEqual(expect.arrayContaining(['D', 'K']));
      acking = false;
      await move({ F: 'SM03' }); // this delta is held unacknowledged...
      await shown(screen);
      const held = screen.deltas.length;
      await move({ D: 'HL01', E: 'SM05', K: 'HL02' }); // ...so D's and K's leaving and E's arrival wait,
      await move({ D: 'SM06', E: 'XA01' }); // and merge with D's return and E's leaving.
      await server.app.engine.catchUp();
      expect(screen.deltas.length).toBe(held);
      acking = true;
      screen.releaseAcks();
      const teams = await shown(screen);
      expect(screen.deltas.length).toBe(held + 1);
      expect(teams).toContain('D');
      expect(teams).not.toContain('E');
      expect(teams).not.toContain('K');
      await expectScreensMatchLog(server.db.sql, xiamen, [{ client: screen, view: siming }]);
    } finally {
      screen.close();
    }
  });

  it('remove a team that left while a screen was cut off, in the resume delta', async () => {
    await move({ G: 'SM01' });
    const screen = await watch(server, gulangyu, { reconnection: true });
    try {
      expect(await shown(screen)).toContain('G');
      screen.socket.disconnect();
      await move({ G: 'TA01' });
      await move({ H: 'SM01' });
      await server.app.engine.catchUp();
      const seen = screen.deltas.length;
      screen.socket.connect();
      const teams = await shown(screen);
      expect(screen.subscriptions.at(-1)).toMatchObject({ ok: true, mode: 'resume' });
      expect(screen.snapshots).toBe(1);
      expect(Object.keys(screen.deltas[seen]?.removed['rescue-team'] ?? {})).toEqual(['G']);
      expect(teams).toContain('H');
      expect(teams).not.toContain('G');
      await expectScreensMatchLog(server.db.sql, xiamen, [{ client: screen, view: gulangyu }]);
    } finally {
      screen.close();
    }
  });
});
