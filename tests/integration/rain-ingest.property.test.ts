import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRegion } from '@beacon/shared/test-region.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const stationIds = testRegion().rainGauges.map((g) => g.id);

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function inject(body: unknown) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/ingest/rain-gauge',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json() };
}

async function logCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

const validRecord = fc.record({
  stationId: fc.constantFrom(...stationIds),
  observedAt: fc.integer({ min: 0, max: 24 * 60 }).map((m) => new Date(NOW - m * 60_000).toISOString()),
  rainfall1hMm: fc.double({ min: 0, max: 400, noNaN: true }),
});

/** Ways a record can be wrong, each with the field an answer must name. */
const breakage = fc.oneof(
  fc.record({ field: fc.constant('stationId'), value: fc.oneof(fc.integer(), fc.constant(''), fc.constant('no spaces allowed'), fc.constant(null)) }),
  fc.record({ field: fc.constant('observedAt'), value: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant('2026-13-45T99:00:00Z')) }),
  fc.record({
    field: fc.constant('rainfall1hMm'),
    value: fc.oneof(fc.double({ max: -0.001, noNaN: true }), fc.double({ min: 400.001, noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean(), fc.constant(null)),
  }),
  fc.record({ field: fc.constant('version'), value: fc.oneof(fc.constant(0), fc.double({ min: 1.1, max: 9.9, noInteger: true }), fc.string()) }),
  // "__proto__" keys are refused before validation, for the whole body; a test below covers them.
  fc.record({
    field: fc.constantFrom('colour', 'grade', '__proto__x'),
    value: fc.anything({ key: fc.string().filter((k) => k !== '__proto__' && k !== 'constructor') }).filter((v) => v !== undefined),
  }),
  fc.record({ field: fc.constantFrom('stationId', 'observedAt', 'rainfall1hMm'), value: fc.constant(undefined) }),
);

describe('generated input (fast-check)', () => {
  it('refuses any batch with a broken record, names the broken field, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validRecord, { minLength: 1, maxLength: 8 }), fc.nat(), breakage, async (records, pick, broken) => {
        const index = pick % records.length;
        const bad: Record<string, unknown> = { ...records[index] };
        if (broken.value === undefined) delete bad[broken.field];
        else bad[broken.field] = broken.value;
        const batch = records.map((r, i) => (i === index ? bad : r));
        const before = await logCount();
        const { status, body } = await inject({ records: batch });
        expect(status).toBe(400);
        expect(body.issues.some((i: { path: string }) => i.path === `/records/${index}/${broken.field}`)).toBe(true);
        expect(await logCount()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('stores any valid batch exactly once, however often it is retried', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(validRecord, { minLength: 1, maxLength: 40, selector: (r) => `${r.stationId}@${r.observedAt}` }),
        fc.integer({ min: 1, max: 3 }),
        async (records, retries) => {
          run += 1;
          // Each run writes its own stretch of time, so runs never collide with each other's keys.
          const shifted = records.map((r) => ({ ...r, observedAt: new Date(Date.parse(r.observedAt) - run * 3 * 24 * 3600_000).toISOString() }));
          const before = await logCount();
          const first = await inject({ records: shifted });
          expect(first.status).toBe(200);
          expect(first.body.accepted).toBe(records.length);
          for (let i = 0; i < retries; i++) {
            const again = await inject({ records: shifted });
            expect(again.status).toBe(200);
            expect(again.body).toMatchObject({ accepted: 0, duplicates: records.length });
          }
          expect(await logCount()).toBe(before + records.length);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('answers arbitrary bodies with a 4xx that carries issues, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ records: fc.jsonValue() })), async (body) => {
        const before = await logCount();
        const { status, body: answer } = await inject(body);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(answer.issues.length).toBeGreaterThan(0);
        expect(await logCount()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
