import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOTYPE_NAMES, breakRecord, isRfc3339WithOffset, prototypeName, protoIdAccepted, withPrototypeId, breakage, checkAnswer, departmentOf, hostileParams, hostileTimeout, hostileRawBody, materialize, preview,
  startHostileServer, validTemplate, type Breakage, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// POST /api/v1/ingest/<category>, over a real socket: generated hostile bodies, records, paths,
// methods and media types, interleaved with valid batches of every category (and their retries).

let h: HostileServer;
beforeAll(async () => {
  h = await startHostileServer('http-ingest');
});
afterAll(async () => h?.close());

async function post(path: string, body: string | Buffer, headers: Record<string, string>, method = 'POST') {
  const res = await fetch(`${h.server.baseUrl}${path}`, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: typeof body === "string" ? body : new Uint8Array(body) }) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body: json };
}

const sent: string[] = []; // valid bodies already acknowledged, per category path: "path\nbody"

async function sendValid(templates: RecordTemplate[]): Promise<void> {
  const category = templates[0]!.category;
  const records = templates.map((t) => materialize({ ...t, category }, h.stamps.next()));
  const body = JSON.stringify({ records });
  const path = `/api/v1/ingest/${category}`;
  const key = await h.keyOf(departmentOf(category));
  const { status, body: answer } = await post(path, body, { 'content-type': 'application/json', authorization: `Bearer ${key}` });
  h.count('valid', status < 400 ? 'ok' : 'refused');
  expect(status, `valid batch ${category} ${preview(records)} → ${preview(answer)}`).toBe(200);
  h.acknowledged(answer, `valid ${category}`);
  sent.push(`${path}\n${key}\n${body}`);
}

async function retry(pick: number): Promise<void> {
  if (!sent.length) return;
  const [path, key, body] = sent[pick % sent.length]!.split('\n') as [string, string, string];
  const { status, body: answer } = await post(path, body, { 'content-type': 'application/json', authorization: `Bearer ${key}` });
  h.count('valid', status < 400 ? 'ok' : 'refused');
  expect(status, `retry ${path} → ${preview(answer)}`).toBe(200);
  const n = (JSON.parse(body) as { records: unknown[] }).records.length;
  expect(answer, `retry ${path}`).toMatchObject({ accepted: 0, duplicates: n });
}

type Step =
  | { kind: 'valid'; templates: RecordTemplate[] }
  | { kind: 'retry'; pick: number }
  | { kind: 'protoId'; template: RecordTemplate; name: (typeof PROTOTYPE_NAMES)[number] }
  | { kind: 'broken'; templates: RecordTemplate[]; at: number; how: Breakage }
  | { kind: 'raw'; category: string; body: string | Buffer; contentType: string }
  | { kind: 'path'; segment: string; method: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), templates: fc.array(validTemplate(), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('protoId' as const), template: validTemplate(), name: prototypeName }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('broken' as const), templates: fc.array(validTemplate(), { minLength: 1, maxLength: 3 }), at: fc.nat(), how: breakage }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      category: fc.constantFrom('rain-gauge', 'weather-warning', 'wind-station'),
      body: hostileRawBody,
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/cap+xml', 'multipart/form-data; boundary=x', ''),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      segment: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('%00', '%ud800', '%ED%A0%80', '..%2f..%2fhealth', 'rain-gauge%00', 'RAIN-GAUGE', 'rain-gauge/', '%E2%80%AE', 'a'.repeat(5000)), fc.string({ maxLength: 20 }).map(encodeURIComponent)),
      method: fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'GET', 'HEAD', 'OPTIONS'),
    }),
  },
);

async function run(s: Step): Promise<void> {
  const meteorology = { authorization: `Bearer ${h.server.meteorologyKey}` };
  switch (s.kind) {
    case 'valid':
      return sendValid(s.templates);
    case 'retry':
      return retry(s.pick);
    case 'protoId': {
      // A valid record (the id pattern allows the name): stored and shown like any other.
      const record = withPrototypeId(s.template.category, materialize(s.template, h.stamps.next()), s.name);
      const key = await h.keyOf(departmentOf(s.template.category));
      const { status, body } = await post(`/api/v1/ingest/${s.template.category}`, JSON.stringify({ records: [record] }), { 'content-type': 'application/json', authorization: `Bearer ${key}` });
      const context = `${s.template.category} with id "${s.name}"`;
      h.count('valid', checkAnswer(status, body, context));
      if (protoIdAccepted(s.template.category, status, body, context)) h.acknowledged(body, context);
      return;
    }
    case 'broken': {
      const category = s.templates[0]!.category;
      const records = s.templates.map((t) => materialize({ ...t, category }, h.stamps.next()));
      const index = s.at % records.length;
      records[index] = breakRecord(category, records[index]!, s.how);
      const key = await h.keyOf(departmentOf(category));
      const { status, body } = await post(`/api/v1/ingest/${category}`, JSON.stringify({ records }), { 'content-type': 'application/json', authorization: `Bearer ${key}` });
      const outcome = checkAnswer(status, body, `broken ${category} record ${index} (${preview(s.how.field)}=${preview(s.how.value, 80)}, remove=${s.how.remove})`);
      h.count('hostile', outcome);
      if (outcome === 'ok') {
        h.acknowledged(body, `hostile-but-accepted ${category} ${preview(records[index])}`);
        if (s.how.field === 'observedAt' && !s.how.remove) expect(isRfc3339WithOffset(s.how.value), `${category} accepted observedAt ${preview(s.how.value)}: not an RFC 3339 time with an offset`).toBe(true);
      }
      return;
    }
    case 'raw': {
      const { status, body } = await post(`/api/v1/ingest/${s.category}`, s.body, { ...(s.contentType ? { 'content-type': s.contentType } : {}), ...meteorology });
      const outcome = checkAnswer(status, body, `raw body to ${s.category} as "${s.contentType}": ${preview(String(s.body), 120)}`);
      h.count('hostile', outcome);
      if (outcome === 'ok') h.acknowledged(body, `raw body accepted ${preview(String(s.body), 120)}`);
      return;
    }
    case 'path': {
      const { status, body } = await post(`/api/v1/ingest/${s.segment}`, '{"records":[]}', { 'content-type': 'application/json', ...meteorology }, s.method);
      expect(status, `${s.method} /api/v1/ingest/${preview(s.segment, 60)}: ${preview(body)}`).toBeLessThan(500);
      h.count('hostile', status < 400 ? 'ok' : 'refused');
      if (s.method !== 'HEAD') {
        expect(status, `${s.method} /api/v1/ingest/${preview(s.segment, 60)} cannot succeed`).toBeGreaterThanOrEqual(400);
        checkAnswer(status, body, `${s.method} /api/v1/ingest/${preview(s.segment, 60)}`);
      }
      return;
    }
  }
}

describe('HTTP ingest under generated hostile input (fast-check)', () => {
  it('answers every input below 500, refusals with issues, and acknowledges valid batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('http-ingest', 40),
    );
  }, hostileTimeout());

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
