import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase } from '@beacon/db';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { openStream, refusedUpgrade } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const MAX = 5;
const MAX_PER_ADDRESS = 3;

let database: TestDatabase;
let server: TestServer;
let minute = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
// A fresh app with fresh counters per test, on the same database: the counters are in the database
// (shared by every node, tests/integration/shared-rate-limits.test.ts), so they are emptied first.
beforeEach(async () => {
  await emptyCounters(database.url);
  server = await startTestServer(database.url, { now: () => NOW, rateLimit: { max: MAX, maxPerAddress: MAX_PER_ADDRESS } });
});
afterEach(async () => {
  await server?.close();
});
afterAll(async () => {
  await database?.drop();
});

async function emptyCounters(url: string) {
  const db = connectDatabase(url, { max: 1 });
  try {
    await db.sql`truncate rate_limit_counters`;
  } finally {
    await db.close();
  }
}

/** A new reading each time, so every accepted request is a real store. */
function post(key: string) {
  minute += 1;
  return fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ records: [{ stationId: testGauge(0), observedAt: new Date(NOW - minute * 60_000).toISOString(), rainfall1hMm: 1 }] }),
  });
}

async function spend(key: string, n: number) {
  for (let i = 0; i < n; i++) expect((await post(key)).status).toBe(200);
}

describe('per-department rate limit on HTTP ingest', () => {
  it('answers the request over the limit with 429, our error body and retry-after', async () => {
    await spend(server.meteorologyKey, MAX);
    const res = await post(server.meteorologyKey);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.headers.get('x-ratelimit-limit')).toBe(String(MAX));
    expect(await res.json()).toEqual({
      statusCode: 429,
      code: 'BEACON_RATE_LIMITED',
      error: 'Too Many Requests',
      message: expect.stringMatching(/^more than 5 requests per minute; retry in \d+ s$/),
      issues: [{ path: 'authorization', expected: `at most ${MAX} requests per minute`, got: expect.stringMatching(/retry after \d+ s/) }],
    });
  });

  it('counts per department, not per key: another department is unaffected', async () => {
    const second = await createDepartmentKey(server.db.sql, 'meteorology', 'second-feed');
    const water = await createDepartmentKey(server.db.sql, 'water', 'rl-test');
    await spend(server.meteorologyKey, 3);
    await spend(second.key, 2);
    expect((await post(second.key)).status).toBe(429);
    expect((await post(server.meteorologyKey)).status).toBe(429);
    // Water may not write rain-gauge (403), but its budget is whole: not 429, and 4 of 5 left.
    const res = await post(water.key);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-remaining')).toBe(String(MAX - 1));
  });

  it('counts requests without a valid key by address, before authentication', async () => {
    for (let i = 0; i < MAX_PER_ADDRESS; i++) expect((await post('bk_meteorology_wrong')).status).toBe(401);
    const res = await post('bk_meteorology_wrong');
    expect(res.status).toBe(429);
    expect(((await res.json()) as { issues: { expected: string }[] }).issues[0]!.expected).toBe(`at most ${MAX_PER_ADDRESS} requests per minute from an address without a valid key`);
    // A department with a valid key from the same address keeps its own budget.
    expect((await post(server.meteorologyKey)).status).toBe(200);
  });

  it('leaves reference routes alone', async () => {
    for (let i = 0; i < MAX * 3; i++) expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
  });
});

describe('the stream shares the department\'s budget', () => {
  it('counts the upgrade and each message; over the limit a message gets a 429 reply and the socket stays open', async () => {
    const stream = await openStream(server.baseUrl, { key: server.meteorologyKey }); // 1
    try {
      const message = (id: string) => ({ id, category: 'rain-gauge', records: [{ stationId: testGauge(1), observedAt: new Date(NOW).toISOString(), rainfall1hMm: 2 }] });
      for (let i = 0; i < MAX - 1; i++) expect((await stream.request(message(`ok-${i}`))).ok).toBe(true); // 2..5
      const refused = await stream.request(message('over'));
      expect(refused).toMatchObject({ id: 'over', ok: false, error: { statusCode: 429, code: 'BEACON_RATE_LIMITED', issues: [{ path: 'authorization', expected: `at most ${MAX} requests per minute` }] } });
      // Same budget over HTTP.
      expect((await post(server.meteorologyKey)).status).toBe(429);
      // Still open: the next message is answered too (refused again for the limit).
      expect((await stream.request(message('still-open'))).error.code).toBe('BEACON_RATE_LIMITED');
      // A department over its budget cannot open another stream either.
      expect((await refusedUpgrade(server.baseUrl, { headers: { authorization: `Bearer ${server.meteorologyKey}` } })).status).toBe(429);
    } finally {
      stream.close();
    }
  });
});
