import { type ViewRef } from '@beacon/shared';
import { createUser } from '@beacon/server/auth/users.ts';
import { createDepartmentKey, revokeKeysByLabel } from '@beacon/server/credentials/department-keys.ts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch, type WatchingClient } from '../../support/socket-client.ts';
import { openStream, refusedUpgrade, type StreamReplyBody } from '../../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../../support/test-gauges.ts';

/**
 * Ending access on one node reaches every node sharing the database. The periodic re-read of recent
 * revocations is set to an hour and streams re-check their key only every 30 s on a message, so
 * what closes a socket on node B here is the NOTIFY sent by node A's revoking statement (or, in the
 * last case, the re-read when the LISTEN connection comes back). Waits are failure timeouts only.
 */

let database: TestDatabase;
let a: TestServer;
let b: TestServer;
/** Screens that must stay connected through every revocation below, and match the log at the end. */
let wallA: WatchingClient;
let wallB: WatchingClient;
const city: ViewRef = { kind: 'city' };
let minute = 0;

const NO_SWEEP = { revocationSweepMs: 3600_000 };

beforeAll(async () => {
  database = await createTestDatabase();
  a = await startTestServer(database.url, { hub: { tickMs: 20 }, auth: NO_SWEEP });
  b = await startTestServer(database.url, { hub: { tickMs: 20 }, auth: NO_SWEEP });
  wallA = await watch(a, city);
  wallB = await watch(b, city);
});
afterAll(async () => {
  wallA?.close();
  wallB?.close();
  await a?.close();
  await b?.close();
  await database?.drop();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (node: TestServer, token: string) => fetch(`${node.baseUrl}/api/v1/auth/me`, { headers: auth(token) });

/** A fresh observation minute per reading: nothing here is a duplicate unless sent twice on purpose. */
function reading(stationId = testGauge(0), rainfall1hMm = 10) {
  minute += 1;
  return { stationId, observedAt: new Date(Date.now() - 900 * 60_000 + minute * 60_000).toISOString(), rainfall1hMm };
}

async function post(node: TestServer, records: unknown[]) {
  const res = await fetch(`${node.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth(node.meteorologyKey) }, body: JSON.stringify({ records }),
  });
  expect(res.status).toBe(200);
}

/** The screens that stayed connected show exactly the log, after one more record went in. */
async function expectBystandersMatchLog() {
  await post(a, [reading(testGauge(1), 20 + minute)]);
  expect(wallA.socket.connected).toBe(true);
  expect(wallB.socket.connected).toBe(true);
  await expectScreensMatchLog(b.db.sql, testRegion(), [{ client: wallA, view: city }, { client: wallB, view: city }]);
}

async function connected(node: TestServer, namespace: '/' | '/replay', token: string): Promise<Socket> {
  const socket = io(`${node.baseUrl}${namespace === '/' ? '' : namespace}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}
const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
/** What the handshake answers when the socket tries again, as a screen does after a server disconnect. */
const reconnectRefusal = (socket: Socket) => new Promise<{ message: string; data?: { code?: string; issues?: { got?: string }[] } }>((resolve, reject) => {
  socket.once('connect', () => reject(new Error('reconnected with a revoked credential')));
  socket.once('connect_error', resolve);
  socket.connect();
});

async function signIn(node: TestServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${node.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

describe('ending access on node A reaches node B', () => {
  it('disabling a user on A closes their live and replay sockets on B, and B refuses them from then on', async () => {
    await createUser(a.db.sql, { username: 'sun', displayName: '孙值班', role: 'duty', password: 'amber-harbour-lantern-47' });
    const token = await signIn(a, 'sun', 'amber-harbour-lantern-47');
    const live = await watch({ baseUrl: b.baseUrl, wallToken: token }, city);
    const replay = await connected(b, '/replay', token);
    const colleague = await connected(b, '/', b.tokens.duty);
    const closed = Promise.all([disconnection(live.socket), disconnection(replay)]);

    const res = await fetch(`${a.baseUrl}/api/v1/users/sun/disable`, { method: 'POST', headers: auth(a.tokens.admin) });
    expect(res.status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    const refusal = await reconnectRefusal(live.socket);
    expect(refusal.data?.code).toBe('BEACON_UNAUTHENTICATED');
    expect(refusal.message).toContain('a token of an active user');
    expect((await reconnectRefusal(replay)).data?.code).toBe('BEACON_UNAUTHENTICATED');
    expect((await me(b, token)).status).toBe(401);
    expect(colleague.connected).toBe(true);
    for (const s of [live.socket, replay, colleague]) s.close();
    await expectBystandersMatchLog();
  });

  it('a password reset on A ends the sessions of the old password on B (HTTP and sockets); a session of the new password stays, through a re-read of recent revocations too', async () => {
    await createUser(a.db.sql, { username: 'lin', displayName: '林值班', role: 'duty', password: 'copper-tide-meadow-58' });
    const old = await signIn(a, 'lin', 'copper-tide-meadow-58');
    const live = await watch({ baseUrl: b.baseUrl, wallToken: old }, city);
    const replay = await connected(b, '/replay', old);
    const closed = Promise.all([disconnection(live.socket), disconnection(replay)]);

    const res = await fetch(`${a.baseUrl}/api/v1/users/lin/password`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth(a.tokens.admin) }, body: JSON.stringify({ password: 'saffron-quay-beacon-91' }),
    });
    expect(res.status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    const refused = await me(b, old);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'BEACON_UNAUTHENTICATED', issues: [{ path: 'authorization', expected: expect.stringContaining('since the last password reset') }] });
    expect((await reconnectRefusal(live.socket)).data?.code).toBe('BEACON_UNAUTHENTICATED');
    await expect(signIn(a, 'lin', 'copper-tide-meadow-58').catch(() => 'refused')).resolves.toBe('refused');

    // The new password signs in, on both nodes; its socket outlives the announcement being read again.
    const fresh = await signIn(b, 'lin', 'saffron-quay-beacon-91');
    expect((await me(a, fresh)).status).toBe(200);
    const freshLive = await connected(b, '/', fresh);
    // B re-reads recent revocations (as it does every 30 s for a lost notification): the reset is among them.
    await b.app.revocations.sweep();
    expect(freshLive.connected).toBe(true);
    expect((await me(b, fresh)).status).toBe(200);
    for (const s of [live.socket, replay, freshLive]) s.close();
    await expectBystandersMatchLog();
  });

  it('revoking a kiosk token on A closes that wall on B, and B refuses it from then on', async () => {
    const created = (await (await fetch(`${a.baseUrl}/api/v1/kiosk-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth(a.tokens.admin) }, body: JSON.stringify({ label: '四号屏' }),
    })).json()) as { id: string; token: string };
    const wall = await watch({ baseUrl: b.baseUrl, wallToken: created.token }, city);
    const wallReplay = await connected(b, '/replay', created.token);
    const closed = Promise.all([disconnection(wall.socket), disconnection(wallReplay)]);

    expect((await fetch(`${a.baseUrl}/api/v1/kiosk-tokens/${created.id}`, { method: 'DELETE', headers: auth(a.tokens.admin) })).status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    expect((await reconnectRefusal(wall.socket)).message).toContain('a live kiosk token');
    expect((await me(b, created.token)).status).toBe(401);
    wall.close();
    wallReplay.close();
    await expectBystandersMatchLog();
  });

  it('signing out on A ends that token on B (HTTP and sockets) and on a node started later; the same user\'s other token stays signed in', async () => {
    await createUser(a.db.sql, { username: 'zhou', displayName: '周指挥', role: 'commander', password: 'violet-ferry-compass-83' });
    const token = await signIn(a, 'zhou', 'violet-ferry-compass-83');
    const otherTablet = await signIn(b, 'zhou', 'violet-ferry-compass-83');
    const live = await watch({ baseUrl: b.baseUrl, wallToken: token }, city);
    const replay = await connected(b, '/replay', token);
    const otherLive = await connected(b, '/', otherTablet);
    expect((await me(b, token)).status).toBe(200);
    const closed = Promise.all([disconnection(live.socket), disconnection(replay)]);

    const res = await fetch(`${a.baseUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: auth(token) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ signedOut: true });
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    const refused = await me(b, token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'BEACON_UNAUTHENTICATED', issues: [{ path: 'authorization', got: 'a signed-out token' }] });
    expect((await me(a, token)).status).toBe(401);
    const refusal = await reconnectRefusal(live.socket);
    expect(refusal.data?.code).toBe('BEACON_UNAUTHENTICATED');
    expect(refusal.message).toContain('signed out');
    await expect(connected(b, '/', token)).rejects.toMatchObject({ data: { code: 'BEACON_UNAUTHENTICATED' } });
    // Signing out again with the ended token is itself refused.
    expect((await fetch(`${b.baseUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: auth(token) })).status).toBe(401);

    // Only that token: the same commander's other tablet is still signed in and connected.
    expect((await me(b, otherTablet)).status).toBe(200);
    expect(otherLive.connected).toBe(true);

    // A node that was not running when the notification went out refuses it too (the table, not the message).
    const c = await startTestServer(database.url, { auth: NO_SWEEP });
    try {
      expect((await me(c, token)).status).toBe(401);
      expect((await me(c, otherTablet)).status).toBe(200);
    } finally {
      await c.close();
    }

    const [entry] = await a.db.sql<{ actor_name: string; outcome: string }[]>`
      select actor_name, outcome from audit_entries where action = 'auth.sign-out' order by id desc limit 1`;
    expect(entry).toEqual({ actor_name: '周指挥', outcome: 'ok' });
    for (const s of [live.socket, replay, otherLive]) s.close();
    await expectBystandersMatchLog();
  });

  it('a kiosk revoked while B missed the notification is closed when B\'s LISTEN connection comes back', async () => {
    const created = (await (await fetch(`${a.baseUrl}/api/v1/kiosk-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth(a.tokens.admin) }, body: JSON.stringify({ label: '五号屏' }),
    })).json()) as { id: string; token: string };
    const wall = await connected(b, '/', created.token);
    const closed = disconnection(wall);
    // Revoked without a notification (as if it had been lost), then every LISTEN connection is cut:
    // postgres.js re-listens, and the node reads back what was revoked meanwhile.
    await a.db.sql`update kiosk_tokens set revoked_at = now() where id = ${created.id}`;
    const cut = await a.db.sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`;
    expect(cut.length).toBeGreaterThan(0);
    expect(await closed).toBe('io server disconnect');
    expect((await reconnectRefusal(wall)).message).toContain('a live kiosk token');
    wall.close();
    await expectBystandersMatchLog();
  });
});

describe('revoking a department key on A while its stream is open on B', () => {
  it('closes the idle stream (1008) without a message to prompt it, and both nodes refuse the key from then on', async () => {
    const { key } = await createDepartmentKey(a.db.sql, 'meteorology', 'gateway-idle');
    const stream = await openStream(b.baseUrl, { key });
    const acked: StreamReplyBody[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await stream.request({ id: `idle-${i}`, category: 'rain-gauge', records: [reading(testGauge(0), i)] });
      expect(reply).toMatchObject({ id: `idle-${i}`, ok: true, ack: { accepted: 1 } });
      acked.push(reply);
    }
    // What `beacon keys revoke meteorology --label gateway-idle` does, here through node A's connection.
    expect(await revokeKeysByLabel(a.db.sql, 'meteorology', 'gateway-idle')).toBe(1);
    expect(await stream.closed).toBe(1008);

    for (const node of [a, b]) {
      const refused = await refusedUpgrade(node.baseUrl, { headers: auth(key) });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('BEACON_UNAUTHENTICATED');
    }
    const seqs = acked.map((r) => String(r.ack.records[0].seq));
    const stored = await a.db.sql<{ seq: string }[]>`select seq::text as seq from events where seq = any(${seqs}::bigint[])`;
    expect(stored.map((r) => r.seq).sort()).toEqual([...seqs].sort());
    await expectNoRecordTwice();
  });

  it('with messages in flight: everything acknowledged is stored exactly once, replies stop at the close, and a resend with a live key completes the set with no record twice', async () => {
    const { key } = await createDepartmentKey(a.db.sql, 'meteorology', 'gateway-busy');
    const stream = await openStream(b.baseUrl, { key });
    const replies: StreamReplyBody[] = [];
    stream.ws.on('message', (data) => replies.push(JSON.parse(String(data))));
    const messages = Array.from({ length: 40 }, (_, i) => ({ id: `busy-${i}`, category: 'rain-gauge', records: [reading(i % 2 ? testGauge(2) : testGauge(3), i)] }));
    for (const m of messages) stream.ws.send(JSON.stringify(m));
    await stream.next(10_000); // the first ack: the stream is busy storing
    expect(await revokeKeysByLabel(a.db.sql, 'meteorology', 'gateway-busy')).toBe(1);
    expect(await stream.closed).toBe(1008);

    const acked = replies.filter((r) => r.ok);
    expect(acked.length).toBeGreaterThan(0);
    // Replies came in order and every one before the close was an acknowledgement (none refused).
    expect(replies.map((r) => r.id)).toEqual(messages.slice(0, replies.length).map((m) => m.id));
    expect(replies.every((r) => r.ok)).toBe(true);
    const seqs = acked.map((r) => String(r.ack.records[0].seq));
    const stored = await a.db.sql<{ seq: string }[]>`select seq::text as seq from events where seq = any(${seqs}::bigint[])`;
    expect(stored).toHaveLength(seqs.length);
    await expectNoRecordTwice();

    // The department reconnects with its new key and resends everything it holds: what was
    // acknowledged is answered as a duplicate with its first seq, the rest is stored now, once.
    const { key: fresh } = await createDepartmentKey(a.db.sql, 'meteorology', 'gateway-busy');
    const again = await openStream(b.baseUrl, { key: fresh });
    for (const [i, m] of messages.entries()) {
      const reply = await again.request(m);
      expect(reply.ok).toBe(true);
      const first = acked.find((r) => r.id === m.id);
      if (first) expect(reply.ack.records[0]).toMatchObject({ status: 'duplicate', seq: first.ack.records[0].seq });
      else expect(['stored', 'duplicate'], `message ${i}`).toContain(reply.ack.records[0].status);
    }
    again.close();
    const [count] = await a.db.sql<{ n: number }[]>`
      select count(*)::int as n from events where type = 'record.received' and entity_id in (${testGauge(2)}, ${testGauge(3)})`;
    expect(count!.n).toBe(messages.length);
    await expectNoRecordTwice();
    await expectBystandersMatchLog();
  });
});

/** No reading (station and observation time) is in the log twice. */
async function expectNoRecordTwice() {
  const doubled = await a.db.sql`
    select entity_id, observed_at, count(*)::int as n from events where type = 'record.received'
    group by entity_id, observed_at having count(*) > 1`;
  expect(doubled).toEqual([]);
}
