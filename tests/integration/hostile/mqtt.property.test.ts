import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearSession, departmentPublisher, eventually, startTestBroker, type DepartmentPublisher, type TestBroker } from '../../support/mqtt-broker.ts';
import {
  breakRecord, breakage, expectIssues, hostileParams, hostileTimeout, hostileRawBody, isRfc3339WithOffset, materialize, preview, prototypeName, protoIdAccepted,
  startHostileServer, validTemplate, withPrototypeId, type Breakage, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// MQTT: the server subscribed (through its configuration, so its log is the app's) to a broker
// where a department publishes generated hostile payloads and topics, interleaved with valid
// readings. Every message is answered on <topic>/ack — a message that is never answered (a
// poison message, redelivered for ever) is a failure — and the link stays connected.

const run = randomBytes(4).toString('hex');
const prefix = `beacon-hostile/${run}`;
const clientId = `bh-${run}`;
const TOPICS: Record<string, string> = { [`${prefix}/rain/+`]: 'rain-gauge', [`${prefix}/wind/+`]: 'wind-station', [`${prefix}/warn/+`]: 'weather-warning' };
const SEGMENT: Record<string, string> = { 'rain-gauge': 'rain', 'wind-station': 'wind', 'weather-warning': 'warn' };

let broker: TestBroker;
let h: HostileServer;
let dept: DepartmentPublisher;

beforeAll(async () => {
  broker = await startTestBroker();
  h = await startHostileServer('mqtt', { mqtt: { sources: [{ department: 'meteorology', url: broker.url, clientId, topics: TOPICS }] } });
  await eventually(async () => ((await status()).state === 'connected'), 10_000);
  dept = await departmentPublisher(broker.url, `${prefix}/+/+/ack`);
});
afterAll(async () => {
  await dept?.close();
  await h?.close();
  await clearSession(broker.url, clientId).catch(() => {});
  await broker?.close();
});

async function status(): Promise<{ state: string; messages: Record<string, number> }> {
  const res = await fetch(`${h.server.baseUrl}/api/v1/mqtt-sources`, { headers: { authorization: `Bearer ${h.server.tokens.admin}` } });
  const body = (await res.json()) as { state: string; messages: Record<string, number> }[] | { sources: { state: string; messages: Record<string, number> }[] };
  const list = Array.isArray(body) ? body : body.sources;
  return list[0]!;
}

/** MQTT topic levels may hold any UTF-8 except "/", "+", "#" and NUL. */
const topicLevel = fc.oneof(
  fc.constantFrom('SM01', 'WS01'),
  prototypeName,
  fc.constantFrom('台风', '🌀', '\u202eRTL', 'a b', '..', '%00', 'x'.repeat(200)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[/+#\u0000]/.test(s) && !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))),
);

type Step =
  | { kind: 'valid'; template: RecordTemplate; batch: boolean; protoId: string | null; level: string }
  | { kind: 'broken'; template: RecordTemplate; how: Breakage; level: string }
  | { kind: 'raw'; category: string; payload: string | Buffer; level: string };

const CATEGORIES = Object.values(TOPICS);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), template: validTemplate(CATEGORIES), batch: fc.boolean(), protoId: fc.option(prototypeName, { freq: 4 }), level: topicLevel }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('broken' as const), template: validTemplate(CATEGORIES), how: breakage, level: topicLevel }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), category: fc.constantFrom(...CATEGORIES), payload: hostileRawBody, level: topicLevel }) },
);

async function publish(category: string, level: string, payload: string | Buffer, context: string) {
  const topic = `${prefix}/${SEGMENT[category]}/${level}`;
  const reply = await dept.request(topic, payload).catch((e: Error) => {
    throw new Error(`${context} on ${preview(topic)}: never answered (${e.message}) — a poison message?`);
  });
  const refused = typeof reply.statusCode === 'number' && reply.statusCode >= 400;
  if (refused || reply.issues) {
    expect(reply.statusCode, `${context}: ${preview(reply)}`).toBeLessThan(500);
    expectIssues(reply, context);
  }
  return { reply, refused: refused || !!reply.issues };
}

async function runStep(s: Step): Promise<void> {
  const category = s.kind === 'raw' ? s.category : s.template.category;
  switch (s.kind) {
    case 'valid': {
      let record = materialize(s.template, h.stamps.next());
      if (s.protoId) record = withPrototypeId(category, record, s.protoId as never);
      const context = `valid ${category} ${preview(record, 200)}`;
      const { reply, refused } = await publish(category, s.level, JSON.stringify(s.batch ? { records: [record] } : record), context);
      h.count('valid', refused ? 'refused' : 'ok');
      if (s.protoId ? protoIdAccepted(category, refused ? reply.statusCode : 200, reply, context) : (expect(refused, `${context}: ${preview(reply)}`).toBe(false), true)) {
        h.acknowledged(reply, context);
      }
      return;
    }
    case 'broken': {
      const record = breakRecord(category, materialize(s.template, h.stamps.next()), s.how);
      const context = `broken ${category} ${preview(record, 300)}`;
      const { reply, refused } = await publish(category, s.level, JSON.stringify({ records: [record] }), context);
      h.count('hostile', refused ? 'refused' : 'ok');
      if (!refused) {
        h.acknowledged(reply, context);
        if (s.how.field === 'observedAt' && !s.how.remove) expect(isRfc3339WithOffset(s.how.value), `${context} accepted: not an RFC 3339 time with an offset`).toBe(true);
      }
      return;
    }
    case 'raw': {
      const context = `raw payload ${preview(String(s.payload), 160)}`;
      const { reply, refused } = await publish(category, s.level, s.payload, context);
      h.count('hostile', refused ? 'refused' : 'ok');
      if (!refused) h.acknowledged(reply, context);
      return;
    }
  }
}

describe('MQTT ingest under generated hostile input (fast-check)', () => {
  it('answers every message on its reply topic, refusals with issues, and stays connected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await runStep(s);
      }),
      hostileParams('mqtt', 30),
    );
    const link = await status();
    expect(link.state).toBe('connected');
    expect(link.messages.failed, 'messages not stored for a reason other than a refusal').toBe(0);
  }, hostileTimeout());

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
