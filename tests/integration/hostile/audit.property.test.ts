import fc from 'fast-check';
import { createUser } from '@beacon/server/auth/users.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswer, hostileParams, hostileTimeout, hostileString, hostileTime, httpRequest, preview, prototypeName, queryOf,
  startHostileServer, validTemplate, wrongType, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// GET /api/v1/audit: generated hostile filters (times at the edges, prototype-named and repeated
// parameters, NUL and lone surrogates, broken percent encodings), methods and credentials,
// interleaved with actions that write the trail (sign-ins, records). The trail answers every valid
// question, and holds every sign-in made, once.

let h: HostileServer;
const PASSWORD = 'correct horse battery staple';
let signIns = 0;

beforeAll(async () => {
  h = await startHostileServer('audit', { auth: { signInPerMinute: 1_000_000, signInPerAddressPerMinute: 1_000_000 } });
  await createUser(h.server.db.sql, { username: 'li', displayName: '李值班', role: 'duty', password: PASSWORD });
});
afterAll(async () => h?.close());

const small = <T>(a: fc.Arbitrary<T>) => a.filter((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').length < 1000);
const value = fc.oneof(small(hostileTime().map(String)), small(hostileString), small(wrongType), prototypeName);
const RAW_QUERIES = ['?limit=%', '?actor=%ED%A0%80', '?actor=%00', '?action=%C0%AF', '?limit=0', '?limit=10001', '?limit=99999', '?limit=-1', '?limit=1e3', '?format=csv&format=json', '?__proto__[limit]=1', '?from=' + '9'.repeat(20_000)];

type Step =
  | { kind: 'valid'; params: Record<string, string> }
  | { kind: 'hostile'; params: Record<string, unknown>; token: number; method: string }
  | { kind: 'raw'; query: string }
  | { kind: 'signIn' }
  | { kind: 'record'; template: RecordTemplate };

const recentIso = fc.integer({ min: 0, max: 7 * 24 * 60 }).map((m) => new Date(Date.now() - m * 60_000).toISOString());
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('valid' as const),
      params: fc.record({ from: recentIso, action: fc.constantFrom('auth.', 'auth.sign-in', 'post.', 'admin.'), outcome: fc.constantFrom('ok', 'refused', 'failed'), limit: fc.integer({ min: 1, max: 10_000 }).map(String), format: fc.constantFrom('json', 'csv'), actor: fc.constantFrom('li', '李值班', 'constructor') }, { requiredKeys: [] }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('hostile' as const),
      params: fc.oneof(
        fc.record({ from: value, to: value, actor: value, action: value, outcome: value, limit: value, format: value }, { requiredKeys: [] }),
        fc.dictionary(fc.oneof(prototypeName, fc.constantFrom('from', 'to', 'actor', 'action', 'outcome', 'limit', 'format')), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 4 }),
      ),
      token: fc.nat(3),
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), query: fc.constantFrom(...RAW_QUERIES) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'signIn' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('record' as const), template: validTemplate() }) },
);

const tokenOf = (i: number) => [h.server.tokens.admin, h.server.tokens.duty, h.server.wallToken, h.server.meteorologyKey][i]!;

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'valid': {
      const path = `/api/v1/audit${queryOf(s.params)}`;
      const { status, body } = await httpRequest(h.server.baseUrl, 'GET', path, { authorization: `Bearer ${h.server.tokens.duty}` });
      h.count('valid', checkAnswer(status, body, `GET ${path}`));
      expect(status, `GET ${path}: ${preview(body)}`).toBe(200);
      return;
    }
    case 'hostile': {
      const path = `/api/v1/audit${queryOf(s.params)}`;
      const { status, body } = await httpRequest(h.server.baseUrl, s.method, path, { authorization: `Bearer ${tokenOf(s.token)}` });
      const context = `${s.method} ${preview(path, 300)} as ${['admin', 'duty', 'wall', 'department key'][s.token]}`;
      expect(status, `${context}: ${preview(body)}`).toBeLessThan(500);
      if (s.method !== 'HEAD') h.count('hostile', checkAnswer(status, body, context));
      else h.count('hostile', status < 400 ? 'ok' : 'refused');
      if (s.token >= 2) expect(status, `${context}: only staff read the audit trail`).toBeGreaterThanOrEqual(400);
      if (s.method === 'POST' || s.method === 'DELETE') expect(status, `${context}: the audit trail is read-only`).toBeGreaterThanOrEqual(400);
      return;
    }
    case 'raw': {
      const path = `/api/v1/audit${s.query}`;
      const { status, body } = await httpRequest(h.server.baseUrl, 'GET', path, { authorization: `Bearer ${h.server.tokens.duty}` });
      h.count('hostile', checkAnswer(status, body, `GET ${preview(path, 200)}`));
      return;
    }
    case 'signIn': {
      const { status, body } = await httpRequest(h.server.baseUrl, 'POST', '/api/v1/auth/sign-in', { 'content-type': 'application/json' }, JSON.stringify({ username: 'li', password: PASSWORD }));
      h.count('valid', checkAnswer(status, body, 'sign-in li'));
      expect(status).toBe(200);
      signIns += 1;
      return;
    }
    case 'record':
      return h.sendRecord(s.template);
  }
}

describe('audit trail under generated hostile input (fast-check)', () => {
  it('answers every question below 500, refusals with issues, valid questions with 200', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('audit', 40),
    );
  }, hostileTimeout());

  it('holds every sign-in made, once', async () => {
    const { status, body } = await httpRequest(h.server.baseUrl, 'GET', `/api/v1/audit${queryOf({ action: 'auth.sign-in', outcome: 'ok', limit: '10000' })}`, { authorization: `Bearer ${h.server.tokens.admin}` });
    expect(status).toBe(200);
    expect((body as unknown[]).length).toBe(signIns);
  });

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
