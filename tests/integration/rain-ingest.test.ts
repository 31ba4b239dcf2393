import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, rainfallOf, stationTrend, type ErrorBody } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
// Registered gauges of the region the run is for (BEACON_TEST_REGION; a test region needs 13): each
// test writes to gauges of its own, so no test sees another's readings.
const gaugeIds = testRegion().rainGauges.map((g) => g.id);
const gauge = (n: number): string => gaugeIds[n] ?? `the region has no gauge number ${n}`;
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, hub: { tickMs: 20 } });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

function post(body: unknown, key = server.meteorologyKey) {
  return fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Responses are checked field by field below; `any` keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(res: Response): Promise<any> {
  return res.json();
}

async function logCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

describe('rain-gauge ingest to a watching screen', () => {
  it('acknowledges after commit and the change reaches a socket.io client', async () => {
    const client = await watch(server);
    try {
      const res = await post({ records: [{ stationId: gauge(0), observedAt: iso(-5), rainfall1hMm: 42.5 }] });
      expect(res.status).toBe(200);
      const ack = await json(res);
      expect(ack).toMatchObject({ accepted: 1, duplicates: 0, records: [{ index: 0, status: 'stored' }] });

      const [row] = await server.db.sql`select seq from events where entity_id = ${gauge(0)}`;
      expect(Number(row!.seq)).toBe(ack.records[0].seq);

      const state = await client.until((s) => rainfallOf(s, gauge(0))?.rainfall1hMm === 42.5);
      expect(state.latest['rain-gauge']?.[gauge(0)]?.seq).toBe(ack.records[0].seq);
      expect(state.feeds['rain-gauge']?.records).toBeGreaterThanOrEqual(1);
    } finally {
      client.close();
    }
  });

  it('gives a newly connected screen the same state the server holds', async () => {
    await post({ records: [{ stationId: gauge(6), observedAt: iso(-4), rainfall1hMm: 11 }] });
    await server.app.engine.catchUp();
    const client = await watch(server);
    try {
      expect(client.state()).toEqual(server.app.engine.state);
    } finally {
      client.close();
    }
  });

  it('stores a retried batch once and answers the retry as duplicates', async () => {
    const batch = { records: [{ stationId: gauge(7), observedAt: iso(-3), rainfall1hMm: 5 }, { stationId: gauge(8), observedAt: iso(-3), rainfall1hMm: 6 }] };
    const first = await json(await post(batch));
    const before = await logCount();
    const retry = await post(batch);
    expect(retry.status).toBe(200);
    const body = await json(retry);
    expect(body).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(body.records.map((r: { seq: number }) => r.seq)).toEqual(first.records.map((r: { seq: number }) => r.seq));
    expect(await logCount()).toBe(before);
  });

  it('stores a reading repeated within one batch once: the first is stored, the repeat answered as its duplicate', async () => {
    const reading = { stationId: gauge(9), observedAt: iso(-4), rainfall1hMm: 7 };
    const before = await logCount();
    const body = await json(await post({ records: [reading, { stationId: gauge(10), observedAt: iso(-4), rainfall1hMm: 8 }, { ...reading }] }));
    expect(body).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(body.records.map((r: { status: string }) => r.status)).toEqual(['stored', 'stored', 'duplicate']);
    expect(body.records[2].seq).toBe(body.records[0].seq);
    expect(await logCount()).toBe(before + 2);
  });

  it('treats the same instant written with another offset as the same reading', async () => {
    const a = await json(await post({ records: [{ stationId: gauge(11), observedAt: '2026-09-14T07:50:00Z', rainfall1hMm: 3 }] }));
    const b = await json(await post({ records: [{ stationId: gauge(11), observedAt: '2026-09-14T15:50:00+08:00', rainfall1hMm: 3 }] }));
    expect(a.accepted).toBe(1);
    expect(b).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('never lets a late, older reading overwrite a newer one', async () => {
    await post({ records: [{ stationId: gauge(9), observedAt: iso(-2), rainfall1hMm: 30 }] });
    const late = await post({ records: [{ stationId: gauge(9), observedAt: iso(-30), rainfall1hMm: 80 }] });
    expect(late.status).toBe(200);
    await server.app.engine.catchUp();
    expect(rainfallOf(server.app.engine.state, gauge(9))?.rainfall1hMm).toBe(30);
    const [row] = await server.db.sql`select payload from current_state where category = 'rain-gauge' and entity_id = ${gauge(9)}`;
    expect(row!.payload.rainfall1hMm).toBe(30);
    expect(stationTrend(server.app.engine.state, gauge(9)).map((p) => p.value)).toEqual([80, 30]);
  });

  it('lets a higher version correct a reading', async () => {
    await post({ records: [{ stationId: gauge(12), observedAt: iso(-1), rainfall1hMm: 9 }] });
    const fix = await post({ records: [{ stationId: gauge(12), observedAt: iso(-1), rainfall1hMm: 19, version: 2 }] });
    expect(fix.status).toBe(200);
    await server.app.engine.catchUp();
    expect(server.app.engine.state.latest['rain-gauge']?.[gauge(12)]).toMatchObject({ version: 2, data: { rainfall1hMm: 19 } });
  });
});

describe('bad input is answered clearly and stores nothing', () => {
  async function refused(body: unknown, status: number, key?: string) {
    const before = await logCount();
    const res = await post(body, key);
    expect(res.status).toBe(status);
    const error = await json(res);
    expect(error.statusCode).toBe(status);
    expect(errorCodes).toContain(error.code);
    expect(await logCount()).toBe(before);
    return error as ErrorBody;
  }

  it('malformed JSON', async () => {
    const e = await refused('{"records": [', 400);
    expect(e.issues).toEqual([expect.objectContaining({ path: '', expected: expect.stringMatching(/^a JSON document/) })]);
  });

  it('a wrong type, naming the field, the type expected and what came', async () => {
    const e = await refused({ records: [{ stationId: gauge(0), observedAt: iso(0), rainfall1hMm: '12' }] }, 400);
    expect(e.issues).toEqual([{ path: '/records/0/rainfall1hMm', expected: 'number', got: 'string "12"' }]);
  });

  it('every offending field of every record at once', async () => {
    const e = await refused(
      { records: [{ stationId: gauge(0), observedAt: 'yesterday', rainfall1hMm: -1 }, { observedAt: iso(0), rainfall1hMm: 1, colour: 'red' }] },
      400,
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(
      ['/records/0/observedAt', '/records/0/rainfall1hMm', '/records/1/colour', '/records/1/stationId'].sort(),
    );
    expect(e.issues.find((i) => i.path === '/records/0/rainfall1hMm')).toEqual({ path: '/records/0/rainfall1hMm', expected: 'number ≥ 0', got: -1 });
  });

  it('an out-of-range value', async () => {
    const e = await refused({ records: [{ stationId: gauge(0), observedAt: iso(0), rainfall1hMm: 999 }] }, 400);
    expect(e.issues).toEqual([{ path: '/records/0/rainfall1hMm', expected: 'number ≤ 400', got: 999 }]);
  });

  it('an unknown station, and the whole batch is refused', async () => {
    const e = await refused(
      { records: [{ stationId: gauge(0), observedAt: iso(0), rainfall1hMm: 1 }, { stationId: 'NOPE9', observedAt: iso(0), rainfall1hMm: 1 }] },
      422,
    );
    expect(e.issues).toEqual([expect.objectContaining({ path: '/records/1/stationId', got: 'NOPE9' })]);
  });

  it('a timestamp far in the future', async () => {
    const e = await refused({ records: [{ stationId: gauge(0), observedAt: iso(24 * 60), rainfall1hMm: 1 }] }, 422);
    expect(e.issues).toEqual([expect.objectContaining({ path: '/records/0/observedAt', got: iso(24 * 60) })]);
  });

  it('an oversized body', async () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ stationId: gauge(0), observedAt: iso(-i), rainfall1hMm: 1 }));
    const e = await refused({ records }, 413);
    expect(e.issues[0]?.expected).toMatch(/smaller body/);
  });

  it('too many records', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({ stationId: gauge(0), observedAt: iso(-i), rainfall1hMm: 1 }));
    const e = await refused({ records }, 400);
    expect(e.issues).toEqual([{ path: '/records', expected: 'at most 1000 items', got: '1001 items' }]);
  });

  it('an empty batch', async () => {
    const e = await refused({ records: [] }, 400);
    expect(e.issues).toEqual([{ path: '/records', expected: 'at least 1 items', got: '0 items' }]);
  });

  it('two different values for the same reading in one batch', async () => {
    const e = await refused(
      { records: [{ stationId: gauge(2), observedAt: iso(-1), rainfall1hMm: 1 }, { stationId: gauge(2), observedAt: iso(-1), rainfall1hMm: 2 }] },
      422,
    );
    expect(e.issues).toEqual([expect.objectContaining({ path: '/records/1' })]);
  });

  it('a different value under an id and version already stored (a conflict, not an overwrite)', async () => {
    await post({ records: [{ stationId: gauge(3), observedAt: iso(-1), rainfall1hMm: 1 }] });
    const e = await refused(
      { records: [{ stationId: gauge(4), observedAt: iso(-1), rainfall1hMm: 4 }, { stationId: gauge(3), observedAt: iso(-1), rainfall1hMm: 2 }] },
      409,
    );
    expect(e.issues).toEqual([expect.objectContaining({ path: '/records/1' })]);
    await server.app.engine.catchUp();
    expect(server.app.engine.state.latest['rain-gauge']?.[gauge(4)]).toBeUndefined();
  });

  it('no credential, an unknown key, and another department\'s key', async () => {
    const record = { records: [{ stationId: gauge(0), observedAt: iso(0), rainfall1hMm: 1 }] };
    const before = await logCount();
    const none = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record),
    });
    expect(none.status).toBe(401);
    expect((await json(none)).issues[0]).toMatchObject({ path: 'authorization', got: 'nothing' });
    const unknown = await refused(record, 401, 'bk_meteorology_not-a-real-key');
    expect(unknown.issues[0]).toMatchObject({ path: 'authorization', got: 'an unknown or revoked key' });
    const { key: fireKey } = await createDepartmentKey(server.db.sql, 'fire', 'test');
    const other = await refused(record, 403, fireKey);
    expect(other.issues[0]).toMatchObject({ path: 'authorization', expected: 'a key of department "meteorology"' });
    expect(await logCount()).toBe(before);
  });

  it('a body that is not JSON at all', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${server.meteorologyKey}` }, body: 'rain',
    });
    expect(res.status).toBe(415);
    expect((await json(res)).issues[0]).toMatchObject({ path: 'content-type', expected: 'application/json' });
  });

  it('a "__proto__" key anywhere (prototype pollution)', async () => {
    const e = await refused(`{"records":[{"stationId":"${gauge(0)}","observedAt":"2026-09-14T08:00:00Z","rainfall1hMm":1,"__proto__":{"x":1}}]}`, 400);
    expect(e.issues[0]?.expected).toMatch(/__proto__/);
  });

  it('counts each refusal in the feed\'s health, with the reason, for every screen to see', async () => {
    const screen = await watch(server);
    try {
      const before = server.app.engine.state.feeds['rain-gauge']?.rejections ?? 0;
      await refused({ records: [{ stationId: gauge(0), observedAt: iso(0), rainfall1hMm: 999 }] }, 400);
      const state = await screen.until((s) => (s.feeds['rain-gauge']?.rejections ?? 0) > before);
      expect(state.feeds['rain-gauge']?.lastRejection).toMatchObject({
        code: 'BEACON_INVALID_INPUT',
        reason: '/records/0/rainfall1hMm: expected number ≤ 400, got 999',
      });
    } finally {
      screen.close();
    }
  });

  it('keeps serving after all of that', async () => {
    const res = await post({ records: [{ stationId: gauge(5), observedAt: iso(0), rainfall1hMm: 2 }] });
    expect(res.status).toBe(200);
  });
});
