import { randomBytes } from 'node:crypto';
import { errorCodes, type ErrorBody } from '@beacon/shared';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMqttIngest, type MqttIngest } from '@beacon/server/ingest/mqtt/index.ts';
import type { IngestPipeline } from '@beacon/server/ingest/pipeline.ts';
import { clearSession, departmentPublisher, eventually, startEmbeddedBroker, startTestBroker, type DepartmentPublisher, type TestBroker } from '../support/mqtt-broker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

const NOW = Date.parse('2026-09-14T08:00:00Z');
const iso = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
// The broker may be shared (the machine's Mosquitto): every topic and client id is this run's own.
const run = randomBytes(4).toString('hex');
const prefix = `beacon-test/${run}`;
const rain = (station: string) => `${prefix}/rain/${station}`;
const clientIds: string[] = [];
const clientId = (name: string) => {
  const id = `bt-${run}-${name}`;
  clientIds.push(id);
  return id;
};

let database: TestDatabase;
let server: TestServer;
let broker: TestBroker;
let ingest: MqttIngest;
let dept: DepartmentPublisher;

function start(extra: Partial<Parameters<typeof startMqttIngest>[0]> = {}): MqttIngest {
  return startMqttIngest({
    sql: server.db.sql,
    pipeline: server.app.ingest,
    department: 'meteorology',
    url: broker.url,
    topics: { [`${prefix}/rain/+`]: 'rain-gauge' },
    clientId: clientId('main'),
    backoff: { baseMs: 50, maxMs: 500 },
    ...extra,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW, hub: { tickMs: 20 } });
  broker = await startTestBroker();
  ingest = start();
  await eventually(() => ingest.status().state === 'connected');
  dept = await departmentPublisher(broker.url, `${prefix}/+/+/ack`);
});
afterAll(async () => {
  await ingest?.stop();
  await dept?.close();
  for (const id of new Set(clientIds)) await clearSession(broker.url, id).catch(() => {});
  await broker?.close();
  await server?.close();
  await database?.drop();
});

/** Records stored (refusals are logged too, as feed.rejected events, and do not count). */
async function logCount(): Promise<number> {
  const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

describe(`MQTT ingest from a department's broker`, () => {
  it('stores a reading, acks it on <topic>/ack after commit, and the live state shows it', async () => {
    const reply = await dept.request(rain(testGauge(0)), { stationId: testGauge(0), observedAt: iso(-5), rainfall1hMm: 42.5 });
    expect(reply).toMatchObject({ topic: rain(testGauge(0)), accepted: 1, duplicates: 0, records: [{ index: 0, status: 'stored' }] });
    const [row] = await server.db.sql`
      select e.seq, k.label from events e join department_keys k on k.id = e.source_id where e.entity_id = ${testGauge(0)}`;
    expect(Number(row!.seq)).toBe(reply.records[0].seq);
    expect(row!.label).toBe(`mqtt:${broker.url}`);
    await server.app.engine.catchUp();
    expect(server.app.engine.state.latest['rain-gauge']?.[testGauge(0)]).toMatchObject({ seq: reply.records[0].seq, data: { rainfall1hMm: 42.5 } });
  });

  it('stores a message delivered twice once, answering the second as a duplicate', async () => {
    const message = { records: [{ stationId: testGauge(1), observedAt: iso(-4), rainfall1hMm: 7 }], id: 'hl01-0756' };
    const first = await dept.request(rain(testGauge(1)), message);
    const before = await logCount();
    const again = await dept.request(rain(testGauge(1)), message);
    expect(first).toMatchObject({ id: 'hl01-0756', accepted: 1 });
    expect(again).toMatchObject({ id: 'hl01-0756', accepted: 0, duplicates: 1, records: [{ seq: first.records[0].seq, status: 'duplicate' }] });
    expect(await logCount()).toBe(before);
  });
});

describe('bad messages are answered, nothing is stored, the connection survives', () => {
  async function refused(topic: string, payload: string | Buffer | object, statusCode: number) {
    const before = await logCount();
    const reply = await dept.request(topic, payload);
    expect(reply).toMatchObject({ topic, statusCode, code: expect.toBeOneOf(errorCodes) });
    expect(await logCount()).toBe(before);
    return reply as ErrorBody;
  }

  it('malformed JSON', async () => {
    const e = await refused(rain(testGauge(2)), '{"stationId": "SM02", ', 400);
    expect(e.issues).toEqual([expect.objectContaining({ path: '', expected: 'a JSON record or {"records": [...]}' })]);
    // Counted against the feed's health, like a refusal of the pipeline.
    const [logged] = await server.db.sql`select payload from events where type = 'feed.rejected' order by seq desc limit 1`;
    expect(logged!.payload).toMatchObject({ code: 'BEACON_MALFORMED_JSON', records: 0 });
  });

  it('a wrong type, naming the field of the record as sent', async () => {
    const e = await refused(rain(testGauge(2)), { stationId: testGauge(2), observedAt: iso(-1), rainfall1hMm: '12' }, 400);
    expect(e.issues).toEqual([{ path: '/rainfall1hMm', expected: 'number', got: 'string "12"' }]);
  });

  it('a wrong type inside a batch keeps the batch path', async () => {
    const e = await refused(rain(testGauge(2)), { records: [{ stationId: testGauge(2), observedAt: 'soon', rainfall1hMm: 1 }] }, 400);
    expect(e.issues).toEqual([expect.objectContaining({ path: '/records/0/observedAt', got: 'soon' })]);
  });

  it('an unknown station', async () => {
    const e = await refused(rain('NOPE9'), { stationId: 'NOPE9', observedAt: iso(-1), rainfall1hMm: 1 }, 422);
    expect(e.issues).toEqual([expect.objectContaining({ path: '/stationId', got: 'NOPE9' })]);
  });

  it('JSON that is not a record', async () => {
    const e = await refused(rain(testGauge(2)), '42', 400);
    expect(e.issues[0]).toMatchObject({ path: '', got: '42' });
  });

  it('an oversized message (> 256 KiB)', async () => {
    const e = await refused(rain(testGauge(2)), Buffer.alloc(300 * 1024, 0x20), 413);
    expect(e.issues).toEqual([{ path: '', expected: 'a message of at most 262144 bytes', got: `${300 * 1024} bytes` }]);
  });

  it('a topic no longer configured (a persistent session kept its subscription)', async () => {
    const id = clientId('stale');
    const old = start({ clientId: id, topics: { [`${prefix}/rain/+`]: 'rain-gauge', [`${prefix}/old/+`]: 'rain-gauge' } });
    await eventually(() => old.status().state === 'connected');
    await old.stop();
    const now = start({ clientId: id, topics: { [`${prefix}/rain/+`]: 'rain-gauge' } });
    try {
      await eventually(() => now.status().state === 'connected');
      const e = await refused(`${prefix}/old/SM02`, { stationId: testGauge(2), observedAt: iso(-1), rainfall1hMm: 1 }, 404);
      expect(e.issues).toEqual([{ path: 'topic', expected: `a topic matching one of: ${prefix}/rain/+`, got: `${prefix}/old/SM02` }]);
    } finally {
      await now.stop();
    }
  });

  it('keeps working after all of that', async () => {
    const reply = await dept.request(rain(testGauge(3)), { stationId: testGauge(3), observedAt: iso(0), rainfall1hMm: 2 });
    expect(reply).toMatchObject({ accepted: 1 });
    expect(ingest.status()).toMatchObject({ state: 'connected', lastError: null, messages: { refused: 6, stored: 3, duplicate: 1 } });
  });
});

describe('a poison message (one the server fails on) is answered, acknowledged and set aside', () => {
  /** Records stored for these stations, per station. */
  async function storedPerStation(stations: string[]): Promise<Record<string, number>> {
    const rows = await server.db.sql<{ entity_id: string; n: number }[]>`
      select entity_id, count(*)::int as n from events where type = 'record.received' and entity_id in ${server.db.sql(stations)} group by entity_id`;
    return Object.fromEntries(rows.map((r) => [r.entity_id, r.n]));
  }

  it('an internal failure: valid messages around it are stored exactly once, the dead letter is counted, the link stays healthy', async () => {
    const seen: string[] = [];
    // The real pipeline, except that one record trips a bug inside the server (as a NUL once did).
    const buggy: IngestPipeline = {
      accept: async (sender, category, batch) => {
        const record = (batch as { records: { stationId: string }[] }).records[0]!;
        seen.push(record.stationId);
        if (record.stationId === testGauge(4)) throw new TypeError("Cannot read properties of undefined (reading 'district')");
        return server.app.ingest.accept(sender, category, batch);
      },
    };
    const topic = (station: string) => `${prefix}/poison/${station}`;
    const link = start({ clientId: clientId('poison'), pipeline: buggy, topics: { [`${prefix}/poison/+`]: 'rain-gauge' } });
    const publisher = await departmentPublisher(broker.url, `${prefix}/poison/+/ack`);
    try {
      await eventually(() => link.status().state === 'connected');
      const stations = [testGauge(5), testGauge(4), testGauge(6), testGauge(7)];
      // Published back to back, in order: the valid ones queue behind the poison one.
      const answers = stations.map((s) => publisher.next(`${topic(s)}/ack`));
      for (const [i, s] of stations.entries()) {
        await publisher.client.publishAsync(topic(s), JSON.stringify({ stationId: s, observedAt: iso(-10 + i), rainfall1hMm: 1 + i }), { qos: 1 });
      }
      const [first, poison, third, fourth] = await Promise.all(answers);
      for (const ok of [first, third, fourth]) expect(ok).toMatchObject({ accepted: 1, records: [{ status: 'stored' }] });
      expect(poison).toMatchObject({
        topic: topic(testGauge(4)), statusCode: 500, code: 'BEACON_DEAD_LETTER',
        // Not a data error: the sender is told it was set aside, not our internals.
        issues: [{ path: '', expected: 'a message the server can store', got: 'a message the server failed on (logged; not retried)' }],
      });
      expect(await storedPerStation(stations)).toEqual({ [testGauge(5)]: 1, [testGauge(6)]: 1, [testGauge(7)]: 1 });
      const status = link.status();
      expect(status).toMatchObject({ state: 'connected', lastError: null, messages: { stored: 3, failed: 0, refused: 0 } });
      expect(status.deadLetters).toEqual({
        count: 1,
        recent: [{ topic: topic(testGauge(4)), at: expect.any(String), reason: "TypeError: Cannot read properties of undefined (reading 'district')", bytes: expect.any(Number) }],
      });
      // Acknowledged, so never delivered again: one more message goes through, and the poison was seen once.
      expect(await publisher.request(topic(testGauge(8)), { stationId: testGauge(8), observedAt: iso(-1), rainfall1hMm: 9 })).toMatchObject({ accepted: 1 });
      expect(seen).toEqual([testGauge(5), testGauge(4), testGauge(6), testGauge(7), testGauge(8)]);
      // Counted against the feed's health like any refusal.
      const [logged] = await server.db.sql`select payload from events where type = 'feed.rejected' order by seq desc limit 1`;
      expect(logged!.payload).toMatchObject({ code: 'BEACON_DEAD_LETTER' });
    } finally {
      await publisher.close();
      await link.stop();
    }
  });

  it('a NUL in a name, through the real pipeline: answered with an error, never redelivered, the rest stored once', async () => {
    const topic = (id: string) => `${prefix}/typhoon/${id}`;
    const link = start({ clientId: clientId('nul'), topics: { [`${prefix}/typhoon/+`]: 'typhoon-track' } });
    const publisher = await departmentPublisher(broker.url, `${prefix}/typhoon/+/ack`);
    const track = (typhoonId: string, name: string, minutes: number) => ({
      typhoonId, observedAt: iso(minutes), name, lon: 120.5, lat: 22.1, pressureHpa: 960, maxWindMs: 38,
    });
    try {
      await eventually(() => link.status().state === 'connected');
      const messages = [track('2601', '杜鹃', -9), track('2602', 'bad\u0000name', -8), track('2603', '海葵', -7)];
      const answers = messages.map((m) => publisher.next(`${topic(m.typhoonId)}/ack`));
      for (const m of messages) await publisher.client.publishAsync(topic(m.typhoonId), JSON.stringify(m), { qos: 1 });
      const [first, poison, third] = await Promise.all(answers);
      expect(first).toMatchObject({ accepted: 1 });
      expect(third).toMatchObject({ accepted: 1 });
      // Refused by validation, or — where validation lets it through — set aside as a dead letter.
      expect(poison).toMatchObject({ topic: topic('2602'), statusCode: expect.any(Number), issues: [expect.objectContaining({ path: expect.any(String) })] });
      expect(poison.statusCode).toBeGreaterThanOrEqual(400);
      const status = link.status();
      expect(status.messages.refused + status.deadLetters.count).toBe(1);
      expect(status).toMatchObject({ state: 'connected', lastError: null, messages: { stored: 2, failed: 0 } });
      const rows = await server.db.sql<{ entity_id: string }[]>`
        select entity_id from events where type = 'record.received' and category = 'typhoon-track' order by seq`;
      expect(rows.map((r) => r.entity_id)).toEqual(['2601', '2603']);
    } finally {
      await publisher.close();
      await link.stop();
    }
  });
});

describe('failures and reconnection', () => {
  it('does not ack a message it failed to store: the broker delivers it again and it is stored', async () => {
    let failOnce = true;
    const flaky: IngestPipeline = {
      accept: async (...args) => {
        if (failOnce) {
          failOnce = false;
          // What postgres.js throws when the connection to the database drops mid-query.
          throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432 (database connection lost)'), { code: 'CONNECTION_CLOSED' });
        }
        return server.app.ingest.accept(...args);
      },
    };
    const topic = `${prefix}/flaky/TA01`;
    const other = start({ clientId: clientId('flaky'), pipeline: flaky, topics: { [`${prefix}/flaky/+`]: 'rain-gauge' } });
    try {
      await eventually(() => other.status().state === 'connected');
      const reply = await dept.request(topic, { stationId: testGauge(9), observedAt: iso(-2), rainfall1hMm: 3 });
      expect(reply).toMatchObject({ accepted: 1 });
      expect(other.status()).toMatchObject({ messages: { failed: 1, stored: 1 }, lastError: { message: expect.stringContaining('database connection lost') } });
    } finally {
      await other.stop();
    }
  });

  it('a database that does not answer is transient: the message is retried, never dead-lettered, and stored once the database is back', async () => {
    const id = clientId('db-down');
    const topic = `${prefix}/dbdown/TA03`;
    // The same link (client id, persistent session) first with a database that refuses connections.
    const down = postgres('postgres://postgres@127.0.0.1:1/nowhere', { max: 1, connect_timeout: 2, onnotice: () => {} });
    const broken = start({ clientId: id, sql: down, topics: { [`${prefix}/dbdown/+`]: 'rain-gauge' } });
    try {
      await eventually(() => broken.status().state === 'connected');
      await dept.client.publishAsync(topic, JSON.stringify({ stationId: testGauge(10), observedAt: iso(-3), rainfall1hMm: 4 }), { qos: 1 });
      await eventually(() => broken.status().messages.failed >= 2, 10_000); // delivered again after the backoff
      expect(broken.status()).toMatchObject({ deadLetters: { count: 0 }, messages: { stored: 0, refused: 0 } });
    } finally {
      await broken.stop();
      await down.end({ timeout: 1 });
    }
    // The database is back (the same link with the real one): the broker still held the message.
    const answer = dept.next(`${topic}/ack`);
    const healed = start({ clientId: id, topics: { [`${prefix}/dbdown/+`]: 'rain-gauge' } });
    try {
      expect(await answer).toMatchObject({ accepted: 1, records: [{ status: 'stored' }] });
      const [row] = await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received' and entity_id = ${testGauge(10)}`;
      expect(row!.n).toBe(1);
      expect(healed.status()).toMatchObject({ deadLetters: { count: 0 }, messages: { stored: 1 } });
    } finally {
      await healed.stop();
    }
  });

  it('reports an unreachable broker as error, with the reason, and keeps trying', async () => {
    const unreachable = start({ url: 'mqtt://127.0.0.1:1', clientId: clientId('unreachable') });
    await eventually(() => unreachable.status().state === 'error');
    expect(unreachable.status().lastError?.message).toMatch(/ECONNREFUSED/);
    await unreachable.stop();
    expect(unreachable.status().state).toBe('stopped');
  });

  it('reports a broker that refuses its credentials as error, with the broker\'s reason', async () => {
    const strict = await startEmbeddedBroker(0, {
      authenticate: (_client, username, password, done) => done(null, username === 'beacon' && String(password) === 'right'),
    });
    const wrong = start({ url: strict.url, clientId: clientId('auth'), username: 'beacon', password: 'wrong' });
    try {
      await eventually(() => wrong.status().state === 'error');
      expect(wrong.status().lastError?.message).toMatch(/Not authorized|Bad username or password/i);
      expect(JSON.stringify(wrong.status())).not.toContain('wrong'); // no secret in the status
    } finally {
      await wrong.stop();
      await strict.close();
    }
  });

  it('reconnects when its broker goes away and comes back', async () => {
    const own = await startEmbeddedBroker();
    const flappy = start({ url: own.url, clientId: clientId('flappy'), topics: { [`${prefix}/flap/+`]: 'rain-gauge' } });
    try {
      await eventually(() => flappy.status().state === 'connected');
      await own.close();
      await eventually(() => ['reconnecting', 'error'].includes(flappy.status().state));
      const back = await startEmbeddedBroker(own.port);
      try {
        await eventually(() => flappy.status().state === 'connected', 10_000);
        const publisher = await departmentPublisher(back.url, `${prefix}/flap/+/ack`);
        try {
          const reply = await publisher.request(`${prefix}/flap/XA01`, { stationId: testGauge(11), observedAt: iso(-1), rainfall1hMm: 5 });
          expect(reply).toMatchObject({ accepted: 1 });
        } finally {
          await publisher.close();
        }
      } finally {
        await flappy.stop();
        await back.close();
      }
    } finally {
      await flappy.stop();
    }
  });

  it('refuses a bad configuration at start, every problem at once', () => {
    expect(() =>
      startMqttIngest({
        sql: server.db.sql, pipeline: server.app.ingest, department: 'water', url: 'http://broker',
        topics: { 'a/#/b': 'rain-gauge', 'c/+': 'no-such-category' },
      }),
    ).toThrow(/url must be[\s\S]*"#" must be a whole last level[\s\S]*rain-gauge belongs to meteorology, not water[\s\S]*no category "no-such-category"/);
  });
});

describe('MQTT sources configured on the app', () => {
  it('open with the app and serve their state and counts to staff, not to a wall or a department', async () => {
    const sourceDb = await createTestDatabase();
    const id = clientId('app-source');
    const app = await startTestServer(sourceDb.url, {
      now: () => NOW,
      mqtt: { sources: [{ department: 'meteorology', url: broker.url, topics: { [`${prefix}/app/+`]: 'rain-gauge' }, clientId: id }] },
    });
    const statuses = async (token: string) => fetch(`${app.baseUrl}/api/v1/mqtt-sources`, { headers: { authorization: `Bearer ${token}` } });
    try {
      const sourceState = async () => ((await (await statuses(app.tokens.duty)).json()) as { sources: { state: string; messages: { stored: number } }[] }).sources;
      await eventually(async () => (await sourceState())[0]?.state === 'connected');
      const publisher = await departmentPublisher(broker.url, `${prefix}/app/+/ack`);
      try {
        expect(await publisher.request(`${prefix}/app/SM02`, { stationId: testGauge(2), observedAt: iso(-2), rainfall1hMm: 3 })).toMatchObject({ accepted: 1 });
      } finally {
        await publisher.close();
      }
      const [source] = await sourceState();
      expect(source).toMatchObject({ department: 'meteorology', url: broker.url, clientId: id, state: 'connected', messages: { stored: 1, duplicate: 0, refused: 0, failed: 0 } });
      // A wall may watch, not look into the plumbing; a department key not at all.
      expect((await statuses(app.wallToken)).status).toBe(403);
      expect((await statuses(app.meteorologyKey)).status).toBe(403);
    } finally {
      await app.close();
      await sourceDb.drop();
    }
  });

  it('will not start with a bad source, naming the problem', async () => {
    const sourceDb = await createTestDatabase();
    try {
      await expect(startTestServer(sourceDb.url, {
        mqtt: { sources: [{ department: 'water', url: broker.url, topics: { [`${prefix}/bad/+`]: 'rain-gauge' } }] },
      })).rejects.toThrow('rain-gauge belongs to meteorology, not water');
    } finally {
      await sourceDb.drop();
    }
  });
});
