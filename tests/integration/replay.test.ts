import { canonicalJson, PROTOCOL_VERSION, applyDelta, type LiveState, type ReplayClientEvents, type ReplayServerEvents } from '@beacon/shared';
import { rainReadings } from '@beacon/simulator';
import { testRegion } from '@beacon/shared/test-region.ts';
import { loadSnapshot } from '@beacon/server/engine/snapshots.ts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
/** What the wall held at recorded moments of a simulated typhoon: the database clock, and the live state. */
const recorded: { at: number; state: LiveState }[] = [];

async function dbNow(): Promise<number> {
  const [row] = await server.db.sql<{ t: Date }[]>`select clock_timestamp() as t`;
  return row!.t.getTime();
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { snapshots: { everyEvents: 100 } });
  // A storm pass compressed into 24 batches, each one gauge reading per station, minutes apart in observation time.
  const start = Date.now() - 3 * 3600_000;
  for (let i = 0; i < 24; i++) {
    const batch = { records: rainReadings(testRegion().rainGauges, i / 24, new Date(start + i * 5 * 60_000).toISOString()) };
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(200);
    if (i % 6 === 5) {
      await server.app.engine.catchUp();
      recorded.push({ at: await dbNow(), state: server.app.engine.state });
    }
  }
}, 60_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('after-action replay', () => {
  it('gives, at each recorded moment, exactly the state the wall had then (canonical JSON)', async () => {
    expect(recorded.length).toBe(4);
    for (const r of recorded) {
      const res = await fetch(`${server.baseUrl}/api/v1/replay/state?at=${encodeURIComponent(new Date(r.at).toISOString())}`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
      expect(res.status).toBe(200);
      const { state } = (await res.json()) as { state: LiveState };
      expect(canonicalJson(state)).toBe(canonicalJson(r.state));
    }
  });

  it('seeks from a snapshot, not from the start of the log', async () => {
    const last = recorded.at(-1)!;
    const snapshot = await loadSnapshot(server.db.sql, last.state.seq);
    expect(snapshot).not.toBeNull();
    expect(snapshot!.seq).toBeGreaterThan(0);
  });

  it('replays over a socket: seek to a moment, then play at 600× to the end, equal to live at every step it reaches', async () => {
    const socket: Socket<ReplayServerEvents, ReplayClientEvents> = io(`${server.baseUrl}/replay`, { transports: ['websocket'], reconnection: false, auth: { token: server.tokens.duty } });
    try {
      let state: LiveState | null = null;
      let clock = 0;
      let playing = false;
      socket.on('replay:snapshot', (m) => {
        state = m.state;
        clock = m.at;
      });
      socket.on('replay:delta', (m) => {
        state = applyDelta(state!, m.delta);
        clock = m.at;
      });
      socket.on('replay:clock', (m) => {
        clock = m.at;
        playing = m.playing;
      });
      await new Promise((r) => socket.once('connect', () => r(null)));
      const from = recorded[0]!.at - 60_000;
      const to = recorded.at(-1)!.at;
      const opened = await new Promise<{ ok: boolean }>((resolve) =>
        socket.emit('replay:open', { protocol: PROTOCOL_VERSION, from: new Date(from).toISOString(), to: new Date(to).toISOString() }, resolve as never),
      );
      expect(opened.ok).toBe(true);

      const seekTo = recorded[1]!;
      await new Promise((resolve) => socket.emit('replay:seek', { at: new Date(seekTo.at).toISOString() }, resolve as never));
      expect(canonicalJson(state)).toBe(canonicalJson(seekTo.state));

      await new Promise((resolve) => socket.emit('replay:play', { speed: 600 }, resolve as never));
      const deadline = Date.now() + 15_000;
      while ((playing || clock < to) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(clock).toBe(to);
      expect(canonicalJson(state)).toBe(canonicalJson(recorded.at(-1)!.state));
    } finally {
      socket.close();
    }
  });

  it('never disturbs live screens: the live engine is unchanged by a replay', async () => {
    await server.app.engine.catchUp();
    expect(canonicalJson(server.app.engine.state)).toBe(canonicalJson(recorded.at(-1)!.state));
  });

  it('exports the timeline as printable HTML and as CSV with totals', async () => {
    const from = new Date(recorded[0]!.at - 3600_000).toISOString();
    const to = new Date(recorded.at(-1)!.at).toISOString();
    const html = await fetch(`${server.baseUrl}/api/v1/replay/timeline?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=html`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain('复盘时间线');
    expect(page).toContain('最大小时雨量');
    const csv = await fetch(`${server.baseUrl}/api/v1/replay/timeline?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=csv`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (text() would strip it)
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('最大小时雨量');
  });

  it('answers a bad window with the field that is wrong', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/replay/moments?from=yesterday&to=2026-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues[0]?.path).toBe('query.from');
  });
});
