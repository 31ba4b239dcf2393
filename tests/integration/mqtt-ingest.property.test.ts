import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMqttIngest, type MqttIngest } from '@beacon/server/ingest/mqtt/index.ts';
import { clearSession, departmentPublisher, eventually, startTestBroker, type DepartmentPublisher, type TestBroker } from '../support/mqtt-broker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const run = randomBytes(4).toString('hex');
const prefix = `beacon-prop/${run}`;
const clientId = `bp-${run}`;

let database: TestDatabase;
let server: TestServer;
let broker: TestBroker;
let ingest: MqttIngest;
let dept: DepartmentPublisher;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW });
  broker = await startTestBroker();
  ingest = startMqttIngest({
    sql: server.db.sql, pipeline: server.app.ingest, department: 'meteorology', url: broker.url, clientId,
    topics: { [`${prefix}/rain/+`]: 'rain-gauge' },
  });
  await eventually(() => ingest.status().state === 'connected');
  dept = await departmentPublisher(broker.url, `${prefix}/rain/+/ack`);
});
afterAll(async () => {
  await ingest?.stop();
  await dept?.close();
  await clearSession(broker.url, clientId).catch(() => {});
  await broker?.close();
  await server?.close();
  await database?.drop();
});

async function storedCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

const notJson = fc.string({ minLength: 1 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
const iso = fc.integer({ min: 0, max: 600 }).map((m) => new Date(NOW - m * 60_000).toISOString());
/** Records with at least one field wrong, by the field an answer must name. */
const brokenRecord = fc.oneof(
  fc.record({ stationId: fc.oneof(fc.integer(), fc.constant(''), fc.constant('NOPE9'), fc.constant(null)), observedAt: iso, rainfall1hMm: fc.constant(1) }),
  fc.record({ stationId: fc.constant(testGauge(0)), observedAt: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), rainfall1hMm: fc.constant(1) }),
  fc.record({ stationId: fc.constant(testGauge(0)), observedAt: iso, rainfall1hMm: fc.oneof(fc.double({ max: -0.001, noNaN: true }), fc.string(), fc.boolean(), fc.constant(null)) }),
  fc.record({ stationId: fc.constant(testGauge(0)), observedAt: iso, rainfall1hMm: fc.constant(1), colour: fc.jsonValue() }),
);
const payload = fc.oneof(
  notJson,
  fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean()).map((v) => JSON.stringify(v)),
  brokenRecord.map((r) => JSON.stringify(r)),
  fc.array(brokenRecord, { minLength: 1, maxLength: 5 }).map((records) => JSON.stringify({ records })),
);

describe('generated malformed messages (fast-check)', () => {
  it('are answered with issues on the reply topic and store nothing; the connection stays up', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(testGauge(0), testGauge(1)), async (message, station) => {
        const before = await storedCount();
        const reply = await dept.request(`${prefix}/rain/${station}`, message);
        expect(reply.statusCode).toBeGreaterThanOrEqual(400);
        expect(reply.statusCode).toBeLessThan(500);
        expect(reply.code).toMatch(/^BEACON_/);
        expect(reply.issues.length).toBeGreaterThan(0);
        for (const issue of reply.issues) {
          expect(issue).toMatchObject({ path: expect.any(String), expected: expect.any(String) });
          expect(issue).toHaveProperty('got'); // null is a legitimate "got"
        }
        expect(await storedCount()).toBe(before);
      }),
      { numRuns: 60 },
    );
    expect(ingest.status()).toMatchObject({ state: 'connected', messages: { stored: 0, failed: 0 } });
  });
});
