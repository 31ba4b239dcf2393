import { connectDatabase, type Database } from '@beacon/db';
import { countRequest, readCount, sweepCounters } from '@beacon/server/rate-limits/postgres-store.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStream, refusedUpgrade } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

// Rate limits are counted in PostgreSQL, so nodes behind one balancer enforce one limit, not one each.

const NOW = Date.parse('2026-09-14T08:00:00Z');
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 2 });
});
beforeEach(async () => {
  await db.sql`truncate rate_limit_counters`;
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the counters', () => {
  it('count in a fixed window from the first request, and start again when it ends', async () => {
    let at = NOW;
    const clock = { now: () => at };
    expect(await countRequest(db.sql, 'k', 60_000, clock)).toEqual({ current: 1, ttl: 60_000 });
    at += 15_000;
    expect(await countRequest(db.sql, 'k', 60_000, clock)).toEqual({ current: 2, ttl: 45_000 });
    expect(await readCount(db.sql, 'k', clock)).toEqual({ current: 2, ttl: 45_000 });
    expect(await countRequest(db.sql, 'other', 60_000, clock)).toEqual({ current: 1, ttl: 60_000 });
    at = NOW + 60_000;
    expect(await readCount(db.sql, 'k', clock)).toEqual({ current: 0, ttl: 0 });
    expect(await countRequest(db.sql, 'k', 60_000, clock)).toEqual({ current: 1, ttl: 60_000 });
  });

  it('lose no request counted at once from two connection pools', async () => {
    const other = connectDatabase(database.url, { max: 4 });
    try {
      const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => countRequest(i % 2 ? db.sql : other.sql, 'busy', 60_000)));
      expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await other.close();
    }
  });

  it('are swept once their window has ended; a long key is kept as a digest', async () => {
    const long = `sign-in:${'x'.repeat(500)}`;
    await countRequest(db.sql, 'ended', 1_000, { now: () => NOW });
    await countRequest(db.sql, long, 60_000, { now: () => NOW });
    expect(await sweepCounters(db.sql, { now: () => NOW + 1_000 })).toBe(1);
    const keys = await db.sql<{ key: string }[]>`select key from rate_limit_counters`;
    expect(keys.map((k) => k.key)).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    expect(await readCount(db.sql, long, { now: () => NOW + 1_000 })).toEqual({ current: 1, ttl: 59_000 });
  });
});

describe('two nodes on one database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const options = { now: () => NOW, rateLimit: { max: 5, maxPerAddress: 3 }, auth: { signInPerAddressPerMinute: 4 } };
    a = await startTestServer(database.url, options);
    b = await startTestServer(database.url, options);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  let minute = 0;
  /** A new reading each time, so every accepted request is a real store. */
  function post(node: TestServer, key: string) {
    minute += 1;
    return fetch(`${node.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ records: [{ stationId: testGauge(0), observedAt: new Date(NOW - minute * 60_000).toISOString(), rainfall1hMm: 1 }] }),
    });
  }

  it('allow a department its limit once across both, not once per node', async () => {
    const statuses = [];
    for (const node of [a, b, a, b, a]) statuses.push((await post(node, a.meteorologyKey)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await post(b, b.meteorologyKey);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'BEACON_RATE_LIMITED', issues: [{ path: 'authorization', expected: 'at most 5 requests per minute' }] });
    expect((await post(a, a.meteorologyKey)).status).toBe(429);
    // The stream counts against the same budget on either node.
    expect((await refusedUpgrade(b.baseUrl, { headers: { authorization: `Bearer ${b.meteorologyKey}` } })).status).toBe(429);
  });

  it('cap requests without a valid key per address across both', async () => {
    const statuses = [];
    for (const node of [a, b, a, b]) statuses.push((await post(node, 'bk_meteorology_wrong')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('cap sign-in attempts per address across both', async () => {
    const signIn = (node: TestServer, i: number) => fetch(`${node.baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `guess-${i}`, password: 'not-the-password' }),
    });
    const statuses = [];
    for (const [i, node] of [a, b, a, b, a, b].entries()) statuses.push((await signIn(node, i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('answer a request whose count fails (the database) with a 500, and a stream message too, without closing the stream', async () => {
    const stream = await openStream(a.baseUrl, { key: a.meteorologyKey });
    await db.sql`alter table rate_limit_counters rename to rate_limit_counters_away`;
    try {
      const res = await post(a, a.meteorologyKey);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 'BEACON_INTERNAL', issues: [{ path: '' }] });
      const message = { id: 'while-away', category: 'rain-gauge', records: [{ stationId: testGauge(1), observedAt: new Date(NOW).toISOString(), rainfall1hMm: 2 }] };
      expect(await stream.request(message)).toMatchObject({ id: 'while-away', ok: false, error: { statusCode: 500, code: 'BEACON_INTERNAL' } });
    } finally {
      await db.sql`alter table rate_limit_counters_away rename to rate_limit_counters`;
    }
    expect((await stream.request({ id: 'back', category: 'rain-gauge', records: [{ stationId: testGauge(1), observedAt: new Date(NOW).toISOString(), rainfall1hMm: 3 }] })).ok).toBe(true);
    stream.close();
  });
});
