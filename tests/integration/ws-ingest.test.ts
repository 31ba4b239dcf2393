import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rainfallOf } from '@beacon/shared';
import { createDepartmentKey, revokeKeysByLabel } from '@beacon/server/credentials/department-keys.ts';
import { watch } from '../support/socket-client.ts';
import { openStream, refusedUpgrade, type StreamClient } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const MESSAGE_LIMIT = 16 * 1024;
const MAX_PAYLOAD = 64 * 1024;

let database: TestDatabase;
let server: TestServer;
let stream: StreamClient;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, hub: { tickMs: 20 }, stream: { messageLimit: MESSAGE_LIMIT, maxPayload: MAX_PAYLOAD } });
  stream = await openStream(server.baseUrl, { key: server.meteorologyKey });
});
afterAll(async () => {
  stream?.close();
  await server?.close();
  await database?.drop();
});

async function logCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

const reading = (stationId: string, minutes: number, rainfall1hMm: number) => ({ stationId, observedAt: iso(minutes), rainfall1hMm });

describe('the ingest stream', () => {
  it('acknowledges after commit with each record\'s log sequence, and a socket.io screen still receives the change', async () => {
    const screen = await watch(server);
    try {
      const reply = await stream.request({ id: 'm-1', category: 'rain-gauge', records: [reading(testGauge(0), -5, 42.5), reading(testGauge(1), -5, 7)] });
      expect(reply).toMatchObject({ id: 'm-1', ok: true, ack: { accepted: 2, duplicates: 0, records: [{ index: 0, status: 'stored' }, { index: 1, status: 'stored' }] } });
      const rows = await server.db.sql`select entity_id, seq from events where entity_id in (${testGauge(0)}, ${testGauge(1)}) order by seq`;
      expect(rows.map((r) => Number(r.seq))).toEqual(reply.ack.records.map((r: { seq: number }) => r.seq));

      const state = await screen.until((s) => rainfallOf(s, testGauge(0))?.rainfall1hMm === 42.5);
      expect(state.latest['rain-gauge']?.[testGauge(0)]?.seq).toBe(reply.ack.records[0].seq);
    } finally {
      screen.close();
    }
  });

  it('answers a retried message as duplicates with the same sequences and stores nothing again', async () => {
    const message = { id: 'm-2', category: 'rain-gauge', records: [reading(testGauge(2), -4, 5)] };
    const first = await stream.request(message);
    const before = await logCount();
    const retry = await stream.request({ ...message, id: 'm-2-retry' });
    expect(retry).toMatchObject({ id: 'm-2-retry', ok: true, ack: { accepted: 0, duplicates: 1, records: [{ index: 0, seq: first.ack.records[0].seq, status: 'duplicate' }] } });
    expect(await logCount()).toBe(before);
  });

  it('processes one socket\'s messages in order, one reply each', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `order-${i}`);
    // One gauge with rising versions: if two were stored out of order the final state would not be version 20.
    for (const [i, id] of ids.entries()) {
      stream.sendRaw(JSON.stringify({ id, category: 'rain-gauge', records: [{ ...reading(testGauge(3), -3, i), version: i + 1 }] }));
    }
    const replies = [];
    for (let i = 0; i < ids.length; i++) replies.push(await stream.next());
    expect(replies.map((r) => r.id)).toEqual(ids);
    const seqs = replies.map((r) => r.ack.records[0].seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await server.app.engine.catchUp();
    expect(server.app.engine.state.latest['rain-gauge']?.[testGauge(3)]).toMatchObject({ version: 20 });
  });
});

describe('bad messages get an error reply naming the field; the socket stays usable', () => {
  const valid = { category: 'rain-gauge', records: [reading(testGauge(4), -2, 1)] };
  const cases: { name: string; frame: string | Buffer; id: string | null; status: number; code: string; path: string }[] = [
    { name: 'malformed JSON', frame: '{"id": "x1", "category": "rain-gauge", "records": [', id: 'x1', status: 400, code: 'BEACON_MALFORMED_JSON', path: '' },
    { name: 'not an object', frame: '[1, 2]', id: null, status: 400, code: 'BEACON_INVALID_INPUT', path: '' },
    { name: 'missing id', frame: JSON.stringify(valid), id: null, status: 400, code: 'BEACON_INVALID_INPUT', path: '/id' },
    { name: 'a numeric id', frame: JSON.stringify({ ...valid, id: 7 }), id: null, status: 400, code: 'BEACON_INVALID_INPUT', path: '/id' },
    { name: 'missing category', frame: JSON.stringify({ id: 'x2', records: valid.records }), id: 'x2', status: 400, code: 'BEACON_INVALID_INPUT', path: '/category' },
    { name: 'unknown category', frame: JSON.stringify({ ...valid, id: 'x3', category: 'sea-serpents' }), id: 'x3', status: 404, code: 'BEACON_UNKNOWN_CATEGORY', path: '/category' },
    { name: 'unknown field', frame: JSON.stringify({ ...valid, id: 'x4', colour: 'red' }), id: 'x4', status: 400, code: 'BEACON_INVALID_INPUT', path: '/colour' },
    { name: 'missing records', frame: JSON.stringify({ id: 'x5', category: 'rain-gauge' }), id: 'x5', status: 400, code: 'BEACON_INVALID_INPUT', path: '/records' },
    { name: 'an invalid record', frame: JSON.stringify({ id: 'x6', category: 'rain-gauge', records: [reading(testGauge(4), -2, 999)] }), id: 'x6', status: 400, code: 'BEACON_INVALID_INPUT', path: '/records/0/rainfall1hMm' },
    { name: 'an unknown station', frame: JSON.stringify({ id: 'x7', category: 'rain-gauge', records: [reading('ZZ99', -2, 1)] }), id: 'x7', status: 422, code: 'BEACON_UNPROCESSABLE', path: '/records/0/stationId' },
    {
      name: 'a message over the stream\'s limit',
      frame: JSON.stringify({ id: 'x8', category: 'rain-gauge', records: Array.from({ length: 400 }, (_, i) => reading(testGauge(4), -i, 1)) }),
      id: 'x8', status: 413, code: 'BEACON_MESSAGE_TOO_LARGE', path: '',
    },
    { name: 'binary garbage', frame: Buffer.from([0xff, 0xfe, 0x00, 0x01]), id: null, status: 400, code: 'BEACON_MALFORMED_JSON', path: '' },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      if (c.code === 'BEACON_MESSAGE_TOO_LARGE') expect(c.frame.length).toBeGreaterThan(MESSAGE_LIMIT);
      const before = await logCount();
      stream.sendRaw(c.frame);
      const reply = await stream.next();
      expect(reply).toMatchObject({ id: c.id, ok: false, error: { statusCode: c.status, code: c.code } });
      expect(reply.error.message).toEqual(expect.any(String));
      expect(reply.error.issues.map((i: { path: string }) => i.path)).toContain(c.path);
      expect(await logCount()).toBe(before);
      // Still open and still working.
      const ok = await stream.request({ id: `after-${c.name}`, ...valid });
      expect(ok).toMatchObject({ ok: true });
    });
  }

  it('another department\'s category: 403 naming the key', async () => {
    const { key } = await createDepartmentKey(server.db.sql, 'water', 'ws-test');
    const water = await openStream(server.baseUrl, { key });
    try {
      const reply = await water.request({ id: 'w1', ...valid });
      expect(reply).toMatchObject({ id: 'w1', ok: false, error: { statusCode: 403, code: 'BEACON_FORBIDDEN', issues: [{ path: 'authorization' }] } });
      expect((await water.request({ id: 'w2', ...valid })).ok).toBe(false); // still open
    } finally {
      water.close();
    }
  });

  it('a frame over maxPayload: ws closes the socket with 1009', async () => {
    const big = await openStream(server.baseUrl, { key: server.meteorologyKey });
    const before = await logCount();
    big.sendRaw(JSON.stringify({ id: 'huge', category: 'rain-gauge', records: [{ stationId: 'x'.repeat(MAX_PAYLOAD) }] }));
    expect(await big.closed).toBe(1009);
    expect(await logCount()).toBe(before);
  });
});

describe('authentication happens at the upgrade', () => {
  it('tells a plain HTTP GET with a good key to upgrade (426), naming the header', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/stream`, { headers: { authorization: `Bearer ${server.meteorologyKey}` } });
    expect(res.status).toBe(426);
    expect(await res.json()).toMatchObject({ code: 'BEACON_UPGRADE_REQUIRED', issues: [{ path: 'headers.upgrade', expected: 'websocket (a WebSocket handshake)' }] });
    // No key: refused before anything else is said about the endpoint.
    expect((await fetch(`${server.baseUrl}/api/v1/stream`)).status).toBe(401);
  });

  it('refuses a bad key with 401 and our error body', async () => {
    const { status, body } = await refusedUpgrade(server.baseUrl, { headers: { authorization: 'Bearer bk_meteorology_nope' } });
    expect(status).toBe(401);
    expect(body).toMatchObject({ statusCode: 401, code: 'BEACON_UNAUTHENTICATED', issues: [{ path: 'authorization' }] });
  });

  it('refuses a missing key with 401 saying both ways to present one', async () => {
    const { status, body } = await refusedUpgrade(server.baseUrl, {});
    expect(status).toBe(401);
    expect(body.issues[0].expected).toMatch(/Authorization: Bearer.*beacon\.v1, beacon\.key\./);
  });

  it('refuses a revoked key', async () => {
    const { key } = await createDepartmentKey(server.db.sql, 'meteorology', 'to-revoke');
    await revokeKeysByLabel(server.db.sql, 'meteorology', 'to-revoke');
    expect((await refusedUpgrade(server.baseUrl, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  it('takes the key as a subprotocol for browsers, and never echoes it', async () => {
    const viaProtocol = await openStream(server.baseUrl, { protocols: ['beacon.v1', `beacon.key.${server.meteorologyKey}`] });
    try {
      expect(viaProtocol.ws.protocol).toBe('beacon.v1');
      expect(await viaProtocol.request({ id: 'p1', category: 'rain-gauge', records: [reading(testGauge(5), -1, 2)] })).toMatchObject({ id: 'p1', ok: true });
    } finally {
      viaProtocol.close();
    }
    const without = await refusedUpgrade(server.baseUrl, { protocols: [`beacon.key.${server.meteorologyKey}`] });
    expect(without.status).toBe(400);
    expect(without.body.issues[0].path).toBe('sec-websocket-protocol');
    expect((await refusedUpgrade(server.baseUrl, { protocols: ['beacon.v1', 'beacon.key.nope'] })).status).toBe(401);
  });

  // The revocation's notification closes the stream at once (tests/integration/faults/revocation-two-nodes.test.ts);
  // this is the fallback when none arrives: the stream re-checks its key on a message.
  it('a key revoked while its stream is open, with no notification: the next message is refused and the socket closed (1008)', async () => {
    const strict = await startTestServer(database.url, { now: () => NOW, stream: { recheckKeyMs: 0 } });
    try {
      const { key } = await createDepartmentKey(strict.db.sql, 'meteorology', 'revoked-while-open');
      const open = await openStream(strict.baseUrl, { key });
      // Revoked by hand, without revokeKeysByLabel's NOTIFY.
      await strict.db.sql`update department_keys set revoked_at = now() where label = 'revoked-while-open'`;
      // Either the message meets the per-message check (a 401 reply, then the close), or — when the
      // stream's own second look at its key, just after it opened, already saw the revocation — the
      // stream is closed before the message is read. Both end with 1008.
      const request = open.request({ id: 'r1', category: 'rain-gauge', records: [reading(testGauge(5), -1, 3)] });
      request.catch(() => {});
      const first = await Promise.race([request.then((reply) => ({ reply })), open.closed.then((code) => ({ code }))]);
      if ('reply' in first) expect(first.reply).toMatchObject({ id: 'r1', ok: false, error: { statusCode: 401, code: 'BEACON_UNAUTHENTICATED' } });
      expect(await open.closed).toBe(1008);
    } finally {
      await strict.close();
    }
  });

  it('answers an upgrade to any other path with 404, and socket.io still connects', async () => {
    const { status, body } = await refusedUpgrade(server.baseUrl, { path: '/api/v1/health', headers: { authorization: `Bearer ${server.meteorologyKey}` } });
    expect(status).toBe(404);
    expect(body.code).toBe('BEACON_NOT_FOUND');
    const screen = await watch(server);
    screen.close();
  });
});

describe('generated malformed messages (fast-check)', () => {
  const stationIds = testRegion().rainGauges.map((g) => g.id);
  const goodRecord = fc.record({
    stationId: fc.constantFrom(...stationIds),
    observedAt: fc.integer({ min: 0, max: 600 }).map((m) => iso(-m)),
    rainfall1hMm: fc.double({ min: 0, max: 400, noNaN: true }),
  });
  const goodMessage = fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), category: fc.constant('rain-gauge'), records: fc.array(goodRecord, { minLength: 1, maxLength: 3 }) });
  const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  const badField = fc.oneof(
    fc.record({ f: fc.constant('rainfall1hMm'), v: fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.double({ min: 400.001, noNaN: true, noDefaultInfinity: true }), fc.double({ max: -0.001, noNaN: true, noDefaultInfinity: true })) }),
    fc.record({ f: fc.constant('observedAt'), v: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yesterday', '2026-13-45T99:00:00Z', '')) }),
    fc.record({ f: fc.constant('stationId'), v: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('ZZ99', '')) }),
  );
  const without = (o: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k));

  /** Each case is broken by construction; `field` is the path the reply must name. */
  const broken = fc.oneof(
    goodMessage.map((m) => ({ frame: JSON.stringify(without(m, 'id')), field: '/id' })),
    fc.tuple(goodMessage, fc.oneof(notAString, fc.constant(''), fc.string({ minLength: 129, maxLength: 200 }))).map(([m, id]) => ({ frame: JSON.stringify({ ...m, id }), field: '/id' })),
    goodMessage.map((m) => ({ frame: JSON.stringify(without(m, 'category')), field: '/category' })),
    fc.tuple(goodMessage, fc.oneof(notAString, fc.string().filter((s) => s !== 'rain-gauge'))).map(([m, category]) => ({ frame: JSON.stringify({ ...m, category }), field: '/category' })),
    fc.tuple(goodMessage, fc.constantFrom('colour', 'batch', 'department', 'ID'), fc.jsonValue()).map(([m, k, v]) => ({ frame: JSON.stringify({ ...m, [k]: v }), field: `/${k}` })),
    fc.tuple(goodMessage, fc.nat(), badField).map(([m, n, { f, v }]) => {
      const index = n % m.records.length;
      const records = m.records.map((r, i) => (i === index ? { ...r, [f]: v } : r));
      return { frame: JSON.stringify({ ...m, records }), field: `/records/${index}/${f}` };
    }),
    fc.tuple(goodMessage, fc.nat()).map(([m, n]) => {
      const text = JSON.stringify(m);
      return { frame: text.slice(0, n % text.length), field: '' };
    }),
    fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)).map((v) => ({ frame: JSON.stringify(v), field: '' })),
  );

  it('always answers with an error that names the field, never stores anything, and keeps the socket open', async () => {
    const before = await logCount();
    await fc.assert(
      fc.asyncProperty(broken, async ({ frame, field }) => {
        stream.sendRaw(frame);
        const reply = await stream.next();
        expect(reply.ok).toBe(false);
        expect(reply.error.issues.length).toBeGreaterThan(0);
        expect(reply.error.issues.map((i: { path: string }) => i.path)).toContain(field);
      }),
      { numRuns: 150 },
    );
    expect(await logCount()).toBe(before);
    expect((await stream.request({ id: 'after-property', category: 'rain-gauge', records: [reading(testGauge(6), -1, 3)] })).ok).toBe(true);
  });
});
