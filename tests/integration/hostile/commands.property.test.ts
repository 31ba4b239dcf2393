import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MAP_LAYER_IDS, postMilestones, responseLevels, xiamen } from '@beacon/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emergencyFeed } from '../../support/command-fixtures.ts';
import {
  checkAnswer, hostileParams, hostileTimeout, hostileRawBody, hostileString, hostileTime, hostileValue, httpRequest, preview, prototypeName,
  startHostileServer, validTemplate, wrongType, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// POST /api/v1/commands: generated hostile commands (kinds, ids with prototype names, views,
// times at the edges, reasons, wrong types, raw bodies) interleaved with valid commands, their
// retries, and records over HTTP. Every command acknowledged is in the log once (by commandId) and
// in the audit trail; the watching screen ends equal to the log (command state included).

let h: HostileServer;
const accepted = new Map<string, number>(); // commandId → seq

beforeAll(async () => {
  h = await startHostileServer('commands');
  const feed = await emergencyFeed(h.server);
  await feed.incident('INC-1');
  await feed.incident('constructor');
  await feed.team('TEAM-1');
  await feed.team('toString');
  await h.rebase();
});
afterAll(async () => h?.close());

const district = fc.constantFrom(...xiamen.districts.features.map((f) => f.properties.name));
const recent = fc.integer({ min: 10, max: 600 }).map((m) => new Date(Date.now() - m * 60_000).toISOString());
const validCommand = fc.oneof(
  fc.record({ kind: fc.constant('response.set'), level: fc.oneof(fc.constantFrom(...responseLevels), fc.constant(null)) }),
  fc.record({ kind: fc.constant('wall.focus'), view: fc.oneof(fc.constant({ kind: 'city' }), district.map((d) => ({ kind: 'district', district: d })), fc.constantFrom('INC-1', 'constructor').map((incidentId) => ({ kind: 'incident', incidentId }))) }),
  fc.record({ kind: fc.constant('wall.layers'), hidden: fc.uniqueArray(fc.constantFrom(...MAP_LAYER_IDS), { maxLength: 3 }) }),
  fc.constant({ kind: 'wall.live' }),
  fc.tuple(recent, fc.integer({ min: 1, max: 5 })).map(([from, m]) => ({ kind: 'wall.replay', from, to: new Date(Date.parse(from) + m * 60_000).toISOString(), speed: 60 })),
  fc.constantFrom('INC-1', 'constructor').map((incidentId) => ({ kind: 'incident.acknowledge', incidentId })),
  fc.constantFrom('TEAM-1', 'toString').map((teamId) => ({ kind: 'team.release', teamId })),
);
const KINDS = ['response.set', 'post.order', 'post.milestone', 'team.dispatch', 'team.release', 'incident.acknowledge', 'wall.focus', 'wall.replay', 'wall.live', 'wall.layers'];
const hostileCommand = fc.oneof(
  hostileValue,
  fc.record({
    kind: fc.oneof(fc.constantFrom(...KINDS), prototypeName, hostileString),
    level: fc.oneof(fc.constantFrom(...responseLevels), hostileValue),
    postId: fc.oneof(prototypeName, hostileString), incidentId: fc.oneof(prototypeName, fc.constant('INC-1'), hostileString), teamId: fc.oneof(prototypeName, fc.constant('TEAM-1'), hostileString),
    milestone: fc.oneof(fc.constantFrom(...postMilestones), prototypeName, hostileString),
    view: fc.oneof(hostileValue, fc.record({ kind: fc.oneof(fc.constantFrom('city', 'district', 'subdistrict', 'incident'), prototypeName), district: fc.oneof(district, hostileString), subdistrict: hostileString, incidentId: fc.oneof(prototypeName, hostileString) }, { requiredKeys: ['kind'] })),
    from: hostileTime().map(String), to: hostileTime().map(String), speed: fc.oneof(fc.constantFrom(1, 10, 60, 600), wrongType),
    hidden: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...MAP_LAYER_IDS), prototypeName, hostileString), { maxLength: 4 }), wrongType),
  }, { requiredKeys: ['kind'] }),
);

type Step =
  | { kind: 'valid'; command: unknown; reason: string }
  | { kind: 'retry'; pick: number }
  | { kind: 'hostile'; commandId: unknown; reason: unknown; command: unknown; extra: [string, unknown] | null }
  | { kind: 'raw'; body: string | Buffer }
  | { kind: 'record'; template: RecordTemplate };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), command: validCommand, reason: fc.oneof(fc.constant('演练'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('hostile' as const),
      commandId: fc.oneof(fc.constant('fresh'), prototypeName, hostileString, wrongType),
      reason: fc.oneof(fc.constant('演练'), hostileString, wrongType),
      command: fc.oneof(hostileCommand, validCommand),
      extra: fc.option(fc.tuple(fc.oneof(prototypeName, hostileString.filter((s) => s.length < 40)), hostileValue), { freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), body: hostileRawBody }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('record' as const), template: validTemplate() }) },
);

const sent: string[] = [];
const post = (body: string | Buffer, token = h.server.tokens.commander) =>
  httpRequest(h.server.baseUrl, 'POST', '/api/v1/commands', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body);

function takeAck(body: unknown, context: string): void {
  const { commandId, seq, duplicate } = body as { commandId: string; seq: number; duplicate: boolean };
  if (duplicate) {
    expect(accepted.get(commandId), `${context}: a duplicate of a command never acknowledged`).toBe(seq);
  } else {
    expect(accepted.has(commandId), `${context}: ${commandId} acknowledged as new twice`).toBe(false);
    accepted.set(commandId, seq);
  }
}

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'valid': {
      const body = JSON.stringify({ commandId: randomUUID(), reason: s.reason, command: s.command });
      const answer = await post(body);
      const context = `command ${preview(JSON.parse(body), 300)}`;
      const outcome = checkAnswer(answer.status, answer.body, context);
      h.count('valid', outcome);
      // A valid command may still be refused by the state (409: e.g. an incident already acknowledged), never by its shape.
      expect([200, 201, 409], `${context}: ${preview(answer.body)}`).toContain(answer.status);
      if (answer.status < 300) {
        takeAck(answer.body, context);
        sent.push(body);
      }
      return;
    }
    case 'retry': {
      if (!sent.length) return;
      const body = sent[s.pick % sent.length]!;
      const answer = await post(body);
      h.count('valid', checkAnswer(answer.status, answer.body, `retry ${body}`));
      expect(answer.status, `retry ${body}: ${preview(answer.body)}`).toBe(200);
      expect(answer.body).toMatchObject({ duplicate: true });
      takeAck(answer.body, `retry ${body}`);
      return;
    }
    case 'hostile': {
      const message: Record<string, unknown> = { commandId: s.commandId === 'fresh' ? randomUUID() : s.commandId, reason: s.reason, command: s.command };
      if (s.extra) Object.defineProperty(message, s.extra[0], { value: s.extra[1], enumerable: true });
      const answer = await post(JSON.stringify(message));
      const context = `command ${preview(message, 400)}`;
      const outcome = checkAnswer(answer.status, answer.body, context);
      h.count('hostile', outcome);
      if (outcome === 'ok') takeAck(answer.body, context);
      return;
    }
    case 'raw': {
      const answer = await post(s.body);
      const context = `command body ${preview(String(s.body), 160)}`;
      const outcome = checkAnswer(answer.status, answer.body, context);
      h.count('hostile', outcome);
      if (outcome === 'ok') takeAck(answer.body, context);
      return;
    }
    case 'record':
      return h.sendRecord(s.template);
  }
}

describe('commands under generated hostile input (fast-check)', () => {
  it('answers every command below 500, refusals with issues; retries are harmless', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('commands', 40),
    );
  }, hostileTimeout());

  it('logs every acknowledged command once, and audits it', async () => {
    const rows = await h.server.db.sql<{ command_id: string; n: number }[]>`
      select payload->>'commandId' as command_id, count(*)::int as n from events where type = 'command.issued' group by 1`;
    const logged = new Map(rows.map((r) => [r.command_id, r.n]));
    for (const id of accepted.keys()) expect([id, logged.get(id)]).toEqual([id, 1]);
    expect(rows.length, 'commands in the log = commands acknowledged').toBe(accepted.size);
    const [audit] = await h.server.db.sql<{ n: number }[]>`select count(*)::int as n from audit_entries where outcome = 'ok' and seq is not null`;
    expect(audit!.n).toBeGreaterThanOrEqual(accepted.size);
  });

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
