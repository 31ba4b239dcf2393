import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswer, hostileParams, hostileTimeout, hostileString, hostileTime, httpRequest, preview, prototypeName, queryOf,
  startHostileServer, validTemplate, wrongType, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// After-action replay over HTTP (/api/v1/replay/state, /moments, /timeline): generated hostile
// query strings (times at the edges, repeated and prototype-named parameters, broken percent
// encodings), methods and credentials, interleaved with valid questions about a log that grows
// with valid records. A valid question about the past is answered 200, and the state at "now"
// holds every record acknowledged before it.

let h: HostileServer;
beforeAll(async () => {
  h = await startHostileServer('replay');
});
afterAll(async () => h?.close());

const ROUTES = ['/api/v1/replay/state', '/api/v1/replay/moments', '/api/v1/replay/timeline'];
// Huge values go in RAW_QUERIES (one over Node's 16 KiB header limit): here the URL stays readable.
const time = fc.oneof(hostileTime().map(String), hostileString.filter((v) => v.length < 1000), wrongType.filter((v) => (JSON.stringify(v) ?? '').length < 1000));
const RAW_QUERIES = ['?at=%', '?at=%ED%A0%80', '?at=%00', '?from=%C0%AF&to=x', '?at=2026-09-14T08:00:00%2B08:00&at=now', `?${'a=1&'.repeat(2000)}`, '?__proto__[at]=1', '?constructor=1&toString=2', '?at[]=1', '?at=' + '9'.repeat(5000), '?at=' + '9'.repeat(20_000)];

type Step =
  | { kind: 'valid'; route: number; minutes: number; format: 'html' | 'csv' }
  | { kind: 'hostile'; route: number; params: Record<string, unknown>; token: number; method: string }
  | { kind: 'raw'; route: number; query: string }
  | { kind: 'record'; template: RecordTemplate };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('valid' as const), route: fc.nat(2), minutes: fc.integer({ min: 1, max: 7 * 24 * 60 }), format: fc.constantFrom('html' as const, 'csv' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('hostile' as const),
      route: fc.nat(2),
      params: fc.oneof(
        fc.record({ at: time, from: time, to: time, format: fc.oneof(fc.constantFrom('html', 'csv', 'json', 'HTML'), hostileString.filter((v) => v.length < 1000)) }, { requiredKeys: [] }),
        fc.dictionary(fc.oneof(prototypeName, fc.constantFrom('at', 'from', 'to', 'format')), fc.oneof(time, fc.array(time, { maxLength: 3 })), { maxKeys: 4 }),
      ),
      token: fc.nat(3),
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), route: fc.nat(2), query: fc.constantFrom(...RAW_QUERIES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('record' as const), template: validTemplate() }) },
);

const tokenOf = (i: number) => [h.server.tokens.commander, h.server.tokens.duty, h.server.wallToken, h.server.meteorologyKey][i]!;

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'valid': {
      const to = Date.now() + 1000;
      const params = s.route === 0 ? { at: new Date(to).toISOString() } : { from: new Date(to - s.minutes * 60_000).toISOString(), to: new Date(to).toISOString(), ...(s.route === 2 ? { format: s.format } : {}) };
      const path = `${ROUTES[s.route]}${queryOf(params)}`;
      const { status, body } = await httpRequest(h.server.baseUrl, 'GET', path, { authorization: `Bearer ${h.server.tokens.duty}` });
      h.count('valid', checkAnswer(status, body, `GET ${path}`));
      expect(status, `GET ${path}: ${preview(body)}`).toBe(200);
      return;
    }
    case 'hostile': {
      const path = `${ROUTES[s.route]}${queryOf(s.params)}`;
      const { status, body } = await httpRequest(h.server.baseUrl, s.method, path, { authorization: `Bearer ${tokenOf(s.token)}` });
      const context = `${s.method} ${preview(path, 300)} as ${['commander', 'duty', 'wall', 'department key'][s.token]}`;
      expect(status, `${context}: ${preview(body)}`).toBeLessThan(500);
      if (s.method !== 'HEAD') h.count('hostile', checkAnswer(status, body, context));
      else h.count('hostile', status < 400 ? 'ok' : 'refused');
      if (s.token === 3) expect(status, `${context}: a department key reads nothing`).toBeGreaterThanOrEqual(400);
      if (s.method === 'POST' || s.method === 'DELETE') expect(status, `${context}: replay is read-only`).toBeGreaterThanOrEqual(400);
      return;
    }
    case 'raw': {
      const path = `${ROUTES[s.route]}${s.query}`;
      const { status, body } = await httpRequest(h.server.baseUrl, 'GET', path, { authorization: `Bearer ${h.server.tokens.duty}` });
      h.count('hostile', checkAnswer(status, body, `GET ${preview(path, 200)}`));
      return;
    }
    case 'record':
      return h.sendRecord(s.template);
  }
}

describe('replay under generated hostile input (fast-check)', () => {
  it('answers every question below 500, refusals with issues, valid questions with 200', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('replay', 40),
    );
  }, hostileTimeout());

  it('replays "now" as the log: the state at this moment holds the log head', async () => {
    await h.server.app.engine.catchUp();
    const { status, body } = await httpRequest(h.server.baseUrl, 'GET', `/api/v1/replay/state${queryOf({ at: new Date(Date.now() + 1000).toISOString() })}`, { authorization: `Bearer ${h.server.tokens.duty}` });
    expect(status).toBe(200);
    expect((body as { seq: number }).seq).toBe(h.server.app.engine.state.seq);
  });

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
