import { randomBytes } from 'node:crypto';
import { Parser } from '@asyncapi/parser';
import { categoryList, PROTOCOL_VERSION } from '@beacon/shared';
import { socketAccess } from '@beacon/server/auth/socket-auth.ts';
import { startMqttIngest } from '@beacon/server/ingest/mqtt/index.ts';
import { batchSchemaOf } from '@beacon/server/ingest/validation.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { Ajv } from 'ajv';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearSession, departmentPublisher, eventually, startTestBroker } from '../support/mqtt-broker.ts';
import { openStream } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Two registered gauges of the region the run is for (BEACON_TEST_REGION).
const [GAUGE_A, GAUGE_B] = testRegion().rainGauges.map((g) => g.id) as [string, string];
let database: TestDatabase;
let server: TestServer;
let doc: any;
/** The log position of the record the stream test stored: the screens' tests wait for it, so their state holds a record. */
let storedSeq = 0;

async function untilFolded(seq: number): Promise<void> {
  for (let i = 0; i < 200 && server.app.engine.state.seq < seq; i++) await new Promise((r) => setTimeout(r, 25));
  expect(server.app.engine.state.seq).toBeGreaterThanOrEqual(seq);
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url);
  const response = await fetch(`${server.baseUrl}/docs/asyncapi.json`); // no credentials: public, like /docs
  expect(response.status).toBe(200);
  doc = await response.json();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** A checker for one message's payload as the document states it (draft-07 JSON Schema, AsyncAPI's default format). */
function payloadOf(message: string): (value: unknown) => unknown[] {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'urn:beacon:asyncapi', components: { schemas: doc.components.schemas } });
  const schema = JSON.parse(JSON.stringify(doc.components.messages[message].payload).replaceAll('"#/components/', '"urn:beacon:asyncapi#/components/'));
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/** Operations on a channel, by action: the socket.io event names of their messages. */
function eventsOn(address: string, action: 'send' | 'receive'): string[] {
  const channel = Object.entries<any>(doc.channels).find(([, c]) => c.address === address)?.[0];
  return Object.values<any>(doc.operations)
    .filter((op) => op.action === action && op.channel.$ref === `#/channels/${channel}`)
    .flatMap((op) => op.messages.map((m: any) => doc.components.messages[m.$ref.split('/').pop()].name));
}

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3.1 for the AsyncAPI parser: no errors, no warnings', async () => {
    expect(doc.asyncapi).toBe('3.1.0');
    const { document, diagnostics } = await new Parser().parse(doc);
    // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join('/')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
  }, 60_000);

  it('describes every socket.io event the server accepts, on its namespace, and every event it sends', () => {
    for (const [namespace, policy] of Object.entries(socketAccess)) {
      expect(eventsOn(namespace, 'receive').sort()).toEqual(Object.keys(policy.events).sort());
    }
    expect(eventsOn('/', 'send').sort()).toEqual(['server:heartbeat', 'view:delta', 'view:snapshot']);
    expect(eventsOn('/replay', 'send').sort()).toEqual(['replay:clock', 'replay:delta', 'replay:snapshot']);
  });

  it('takes every category\'s records from the schema ingest validates with', () => {
    expect(doc.components.messages.streamBatch.payload.oneOf).toHaveLength(categoryList.length);
    for (const c of categoryList) {
      const records = (batchSchemaOf(server.region, c.id) as any).properties.records;
      const name = Object.keys(doc.components.schemas).find((n) => n.toLowerCase() === `${c.id.replaceAll('-', '')}record`);
      expect(doc.components.schemas[name!], c.id).toEqual(JSON.parse(JSON.stringify(records.items)));
    }
    expect(doc.channels.ingestStream.address).toBe('/api/v1/stream');
    expect(doc.operations.receiveMqttReading.reply.channel.$ref).toBe('#/channels/mqttReplies');
  });

  it('matches what the stream really answers, stored and refused', async () => {
    const batch = payloadOf('streamBatch');
    const reply = payloadOf('streamReply');
    const good = { id: 'doc-1', category: 'rain-gauge', records: [{ stationId: GAUGE_A, observedAt: '2026-09-14T08:05:00+08:00', rainfall1hMm: 23.5 }] };
    const bad = { id: 'doc-2', category: 'rain-gauge', records: [{ stationId: GAUGE_A, observedAt: 'yesterday', rainfall1hMm: 'a lot' }] };
    expect(batch(good)).toEqual([]);
    expect(batch(bad)).not.toEqual([]);
    expect(batch({ ...good, extra: 1 })).not.toEqual([]);
    const stream = await openStream(server.baseUrl, { key: server.meteorologyKey });
    try {
      const stored = await stream.request(good);
      expect(stored.ok).toBe(true);
      storedSeq = stored.ack.records[0].seq;
      expect(reply(stored)).toEqual([]);
      const refused = await stream.request(bad);
      expect(refused.ok).toBe(false);
      expect(reply(refused)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('matches what a screen really sends and gets on "/": subscribe, its answer, the snapshot', async () => {
    await untilFolded(storedSeq);
    const socket = io(server.baseUrl, { transports: ['websocket'], auth: { token: server.wallToken }, reconnection: false });
    try {
      const snapshot = new Promise<unknown>((resolve) => socket.once('view:snapshot', (message: unknown, ack: () => void) => (ack(), resolve(message))));
      const request = { protocol: PROTOCOL_VERSION, view: { kind: 'district', district: testRegion().rainGauges[0]!.district } };
      expect(payloadOf('viewSubscribe')(request)).toEqual([]);
      expect(payloadOf('viewSubscribe')({ protocol: PROTOCOL_VERSION, view: { kind: 'county' } })).not.toEqual([]);
      const result = await socket.timeout(5000).emitWithAck('view:subscribe', request);
      expect(result.ok).toBe(true);
      expect(payloadOf('viewSubscribeResult')(result)).toEqual([]);
      const message = (await snapshot) as any;
      expect(Object.keys(message.state.latest['rain-gauge'] ?? {})).toContain(GAUGE_A);
      expect(payloadOf('viewSnapshot')(message)).toEqual([]);
      const refused = await socket.timeout(5000).emitWithAck('view:subscribe', { protocol: PROTOCOL_VERSION, view: { kind: 'county' } });
      expect(refused.ok).toBe(false);
      expect(payloadOf('viewSubscribeResult')(refused)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('matches the deltas a screen really gets on "/", a record sent as a patch among them', async () => {
    await untilFolded(storedSeq);
    const socket = io(server.baseUrl, { transports: ['websocket'], auth: { token: server.wallToken }, reconnection: false });
    const deltas: any[] = [];
    socket.on('view:delta', (message: any, ack?: () => void) => {
      deltas.push(message);
      ack?.();
    });
    try {
      const snapshot = new Promise<void>((resolve) => socket.once('view:snapshot', (_m: unknown, ack: () => void) => (ack(), resolve())));
      await socket.timeout(5000).emitWithAck('view:subscribe', { protocol: PROTOCOL_VERSION, view: { kind: 'city' } });
      await snapshot;
      // Whatever the earlier tests stored (MQTT, the stream) is folded and its tick sent before the reading
      // below: a tick that began before this screen's snapshot goes to it with records whole (it holds part
      // of that tick already), and the reading would come whole, not as a patch, if it fell into that tick.
      await server.app.engine.catchUp();
      server.app.hub.subscriptions.flush();
      // The stream test stored GAUGE_A's reading at 08:05: a later one, for a screen that holds it, goes as a patch.
      const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
        body: JSON.stringify({ records: [{ stationId: GAUGE_A, observedAt: '2026-09-14T08:10:00+08:00', rainfall1hMm: 31 }] }),
      });
      expect(res.status).toBe(200);
      for (let i = 0; i < 200 && !deltas.some((m) => m.delta.patches); i++) await new Promise((r) => setTimeout(r, 25));
      const patched = deltas.find((m) => m.delta.patches);
      expect(patched?.delta.patches['rain-gauge'][GAUGE_A]).toMatchObject({ base: storedSeq, set: { rainfall1hMm: 31 } });
      const delta = payloadOf('viewDelta');
      for (const m of deltas) expect(delta(m)).toEqual([]);
      // A patch without its base is not one the document admits.
      const { base: _base, ...baseless } = patched.delta.patches['rain-gauge'][GAUGE_A];
      expect(delta({ ...patched, delta: { ...patched.delta, patches: { 'rain-gauge': { [GAUGE_A]: baseless } } } })).not.toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('matches what replay really answers on "/replay": open with its key moments, the snapshots, the clock', async () => {
    await untilFolded(storedSeq);
    const socket = io(`${server.baseUrl}/replay`, { transports: ['websocket'], auth: { token: server.tokens.duty }, reconnection: false });
    try {
      const snapshot = new Promise<unknown>((resolve) => socket.once('replay:snapshot', resolve));
      const request = { protocol: PROTOCOL_VERSION, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
      expect(payloadOf('replayOpen')(request)).toEqual([]);
      const opened = await socket.timeout(10_000).emitWithAck('replay:open', request);
      expect(opened.ok).toBe(true);
      expect(payloadOf('replayOpenResult')(opened)).toEqual([]);
      expect(payloadOf('replaySnapshot')(await snapshot)).toEqual([]);
      // Seeking to the end of the window: the state there holds the stored record.
      const later = new Promise<any>((resolve) => socket.once('replay:snapshot', resolve));
      expect(payloadOf('replaySeek')({ at: request.to })).toEqual([]);
      expect(payloadOf('replayResult')(await socket.timeout(10_000).emitWithAck('replay:seek', { at: request.to }))).toEqual([]);
      const withRecord = await later;
      expect(Object.keys(withRecord.state.latest['rain-gauge'] ?? {})).toContain(GAUGE_A);
      expect(payloadOf('replaySnapshot')(withRecord)).toEqual([]);
      const clock = new Promise<unknown>((resolve) => socket.once('replay:clock', resolve));
      const played = await socket.timeout(5000).emitWithAck('replay:play', { speed: 60 });
      expect(payloadOf('replayResult')(played)).toEqual([]);
      expect(payloadOf('replayClock')(await clock)).toEqual([]);
      const refused = await socket.timeout(5000).emitWithAck('replay:play', { speed: 7 });
      expect(refused.ok).toBe(false);
      expect(payloadOf('replayResult')(refused)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('matches what MQTT ingest really answers on the reply topic: a record, a batch, an array, a refusal', async () => {
    // The broker may be shared (the machine's Mosquitto): topics and the client id are this run's own.
    const run = randomBytes(4).toString('hex');
    const prefix = `beacon-docs/${run}`;
    const clientId = `bd-${run}`;
    const broker = await startTestBroker();
    const ingest = startMqttIngest({
      sql: server.db.sql,
      pipeline: server.app.ingest,
      department: 'meteorology',
      url: broker.url,
      topics: { [`${prefix}/rain/+`]: 'rain-gauge' },
      clientId,
      backoff: { baseMs: 50, maxMs: 500 },
    });
    const dept = await departmentPublisher(broker.url, `${prefix}/+/+/ack`);
    try {
      await eventually(() => ingest.status().state === 'connected');
      const reading = payloadOf('mqttReading');
      const reply = payloadOf('mqttReply');
      const record = (minute: number) => ({ stationId: GAUGE_B, observedAt: `2026-09-14T08:${String(minute).padStart(2, '0')}:00+08:00`, rainfall1hMm: 7 });
      const sent = [record(1), { id: 'doc-batch', records: [record(2)] }, [record(3)], { stationId: GAUGE_B, observedAt: 'soon' }];
      const answers = [];
      for (const message of sent) {
        answers.push(await dept.request(`${prefix}/rain/HL01`, message));
      }
      expect(sent.slice(0, 3).map(reading)).toEqual([[], [], []]);
      expect(reading(sent[3])).not.toEqual([]);
      expect(answers.map((a) => a.accepted ?? a.statusCode)).toEqual([1, 1, 1, 400]);
      expect(answers[1].id).toBe('doc-batch');
      expect(answers.map(reply)).toEqual([[], [], [], []]);
    } finally {
      await ingest.stop();
      await dept.close();
      await clearSession(broker.url, clientId).catch(() => {});
      await broker.close();
    }
  });
});
