import { feedOf, latestRecord, own, PROTOCOL_VERSION, xiamen, type LiveState, type ReplayClientEvents, type ReplayServerEvents } from '@beacon/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergencyFeed, issue } from '../../support/command-fixtures.ts';
import { expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch, type WatchingClient } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';

/**
 * Issue #12 item 2 and #13 item 1: records whose ids are names Object.prototype answers for, and one
 * row of the log that cannot be folded at all. Every acknowledged record around them must reach the
 * screens; the bad row is counted where an operator sees it; replay and the socket guard survive.
 */
const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString'] as const;

let database: TestDatabase;
let server: TestServer;
let screen: WatchingClient;
let badSeq = 0;
const start = Date.now() - 2 * 3600_000;

async function wind(stationId: string, minute: number, windSpeedMs: number): Promise<void> {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/wind-station`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
    body: JSON.stringify({
      records: [{ stationId, observedAt: new Date(start + minute * 60_000).toISOString(), windSpeedMs, lon: 118.1, lat: 24.5, district: '思明区' }],
    }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/**
 * A row no ingest path writes (its payload is JSON null), inserted straight into the log the way
 * ingest appends: the transaction id is taken before the sequence number is drawn, so the follower
 * can settle the gap, and the NOTIFY at commit wakes every node.
 */
async function insertMalformedRow(): Promise<number> {
  return server.db.sql.begin(async (tx) => {
    await tx`select pg_current_xact_id()`;
    const [row] = await tx<{ seq: string }[]>`
      insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
      values ('record.received', 'meteorology', 'wind-station', 'W-BAD', now(), 'test:malformed', 'test', 'null'::jsonb)
      returning seq`;
    await tx`select pg_notify('beacon_log', ${row!.seq})`;
    return Number(row!.seq);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url);
  screen = await watch(server, { kind: 'city' });
}, 60_000);
afterAll(async () => {
  screen?.close();
  await server?.close();
  await database?.drop();
});

describe('a log holding prototype-named ids and a row that cannot be folded', () => {
  it('reaches every screen whole, and counts the bad row in feed health and on the engine', async () => {
    const emergency = await emergencyFeed(server);
    await wind('W1', 0, 5);
    for (const [i, id] of PROTOTYPE_IDS.entries()) {
      await wind(id, i + 1, 10 + i);
      await emergency.incident(id);
    }
    badSeq = await insertMalformedRow();
    await wind('W1', 10, 6);
    for (const [i, id] of PROTOTYPE_IDS.entries()) await wind(id, 20 + i, 20 + i);
    const ack = await issue(server, server.tokens.duty, { kind: 'incident.acknowledge', incidentId: 'constructor' });
    expect(ack.status, JSON.stringify(ack.body)).toBe(201);
    const again = await issue(server, server.tokens.duty, { kind: 'incident.acknowledge', incidentId: 'constructor' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BEACON_ALREADY_ACKNOWLEDGED');
    await wind('W1', 30, 7);
    await server.app.engine.catchUp();

    const engine = server.app.engine;
    expect(engine.unfoldable.count).toBe(1);
    expect(engine.unfoldable.last).toEqual([{ seq: badSeq, reason: expect.stringContaining('payload is not an object') }]);
    // Where an operator looks: the health endpoint counts it, and the node is still current.
    const health = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', behind: 0, unfoldable: 1 });
    const live = engine.state;
    expect(feedOf(live, 'wind-station')).toMatchObject({ unfoldable: 1, lastUnfoldable: { seq: badSeq } });
    expect(latestRecord(live, 'wind-station', 'W-BAD')).toBeUndefined();
    for (const [i, id] of PROTOTYPE_IDS.entries()) {
      expect(latestRecord(live, 'wind-station', id)?.data.windSpeedMs).toBe(20 + i);
      expect(latestRecord(live, 'incident', id)?.entityId).toBe(id);
    }
    expect(own(live.command.acknowledged, 'constructor')?.by.id).toBe('test-duty');

    const truth = await expectScreensMatchLog(server.db.sql, xiamen, [{ client: screen, view: { kind: 'city' } }]);
    expect(feedOf(truth, 'wind-station')?.unfoldable).toBe(1);
    const shown = screen.state();
    expect(latestRecord(shown, 'wind-station', 'W1')?.data.windSpeedMs).toBe(7);
    for (const id of ['constructor', 'toString']) {
      expect(latestRecord(shown, 'wind-station', id)?.entityId).toBe(id);
      expect(latestRecord(shown, 'incident', id)?.entityId).toBe(id);
    }
    expect(feedOf(shown, 'wind-station')?.unfoldable).toBe(1);

    // A screen that arrives now gets the same from its snapshot.
    const late = await watch(server, { kind: 'city' });
    try {
      await expectScreensMatchLog(server.db.sql, xiamen, [{ client: late, view: { kind: 'city' } }]);
      expect(feedOf(late.state(), 'wind-station')?.unfoldable).toBe(1);
    } finally {
      late.close();
    }
  });

  it('replays it: open, seek and disconnect leave the process answering, and replay agrees with live', async () => {
    const session = async (): Promise<LiveState> => {
      const socket: Socket<ReplayServerEvents, ReplayClientEvents> = io(`${server.baseUrl}/replay`, { transports: ['websocket'], reconnection: false, auth: { token: server.tokens.duty } });
      try {
        const snapshots: LiveState[] = [];
        socket.on('replay:snapshot', (m) => snapshots.push(m.state));
        const to = Date.now() + 1000;
        const opened = await new Promise<{ ok: boolean }>((resolve) =>
          socket.emit('replay:open', { protocol: PROTOCOL_VERSION, from: new Date(start - 3600_000).toISOString(), to: new Date(to).toISOString() }, resolve as never));
        expect(opened.ok).toBe(true);
        const sought = await new Promise<{ ok: boolean }>((resolve) => socket.emit('replay:seek', { at: new Date(to).toISOString() }, resolve as never));
        expect(sought.ok).toBe(true);
        return snapshots.at(-1)!;
      } finally {
        socket.disconnect();
      }
    };
    const first = await session();
    expect(first.seq).toBe(server.app.engine.state.seq);
    expect(latestRecord(first, 'wind-station', 'constructor')?.data.windSpeedMs).toBe(20);
    expect(feedOf(first, 'wind-station')?.unfoldable).toBe(1);
    // The disconnect above closed the session; a second one and the HTTP API still answer.
    const second = await session();
    expect(second.seq).toBe(first.seq);
    const res = await fetch(`${server.baseUrl}/api/v1/replay/state?at=${encodeURIComponent(new Date().toISOString())}`, { headers: { authorization: `Bearer ${server.tokens.duty}` } });
    expect(res.status).toBe(200);
    const { state } = (await res.json()) as { state: LiveState };
    expect(latestRecord(state, 'incident', 'constructor')?.entityId).toBe('constructor');
  });

  it('answers socket events named __proto__ or constructor with an error, and keeps serving', async () => {
    const kiosk = await watch(server, { kind: 'city' });
    try {
      const raw = kiosk.socket as unknown as Socket;
      for (const event of ['__proto__', 'constructor', 'toString']) {
        const answer = await raw.timeout(5000).emitWithAck(event, {});
        expect(answer).toMatchObject({ ok: false, error: { code: 'BEACON_UNKNOWN_EVENT' } });
      }
      raw.emit('__proto__'); // no ack to answer: nothing may throw either
      const replay = io(`${server.baseUrl}/replay`, { transports: ['websocket'], reconnection: false, auth: { token: server.tokens.duty } });
      try {
        const answer = await replay.timeout(5000).emitWithAck('constructor', {});
        expect(answer).toMatchObject({ ok: false, error: { code: 'BEACON_UNKNOWN_EVENT' } });
      } finally {
        replay.disconnect();
      }
      // Still serving: a new record reaches the screen that sent them.
      await wind('constructor', 40, 33);
      await kiosk.until((s) => latestRecord(s, 'wind-station', 'constructor')?.data.windSpeedMs === 33);
      expect(kiosk.socket.connected).toBe(true);
    } finally {
      kiosk.close();
    }
  });
});
