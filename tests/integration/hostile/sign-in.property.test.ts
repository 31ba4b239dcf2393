import fc from 'fast-check';
import { createUser } from '@beacon/server/auth/users.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAnswer, hostileParams, hostileTimeout, hostileRawBody, hostileString, hostileValue, httpRequest, preview, prototypeName,
  startHostileServer, validTemplate, type HostileServer, type RecordTemplate,
} from '../../support/hostile-input.ts';

// POST /api/v1/auth/sign-in: generated hostile user names, passwords, bodies and media types,
// interleaved with real sign-ins and records arriving over HTTP. Every attempt that reached the
// password check (200 or 401) is in the audit trail exactly once. The per-name limit is raised
// here so valid sign-ins are not refused by it (its own tests are in sign-in.test.ts).

let h: HostileServer;
const PASSWORD = 'correct horse battery staple';
let audited = 0;

beforeAll(async () => {
  h = await startHostileServer('sign-in', { auth: { signInPerMinute: 1_000_000, signInPerAddressPerMinute: 1_000_000 } });
  await createUser(h.server.db.sql, { username: 'wang', displayName: '王指挥', role: 'commander', password: PASSWORD });
  await createUser(h.server.db.sql, { username: 'constructor', displayName: 'constructor', role: 'duty', password: PASSWORD });
});
afterAll(async () => h?.close());

type Step =
  | { kind: 'valid'; username: 'wang' | 'constructor' }
  | { kind: 'fields'; username: unknown; password: unknown; extra: [string, unknown] | null }
  | { kind: 'raw'; body: string | Buffer; contentType: string }
  | { kind: 'record'; template: RecordTemplate };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('valid' as const), username: fc.constantFrom('wang' as const, 'constructor' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('fields' as const),
      username: fc.oneof(fc.constantFrom('wang', 'WANG', ' wang', 'wang\u0000', 'constructor'), prototypeName, hostileString, hostileValue),
      password: fc.oneof(fc.constant(PASSWORD), fc.constant(`${PASSWORD}\u0000`), hostileString, hostileValue),
      extra: fc.option(fc.tuple(fc.oneof(prototypeName, hostileString.filter((s) => s.length < 40)), hostileValue), { freq: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), body: hostileRawBody, contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('record' as const), template: validTemplate() }) },
);

const signIn = (body: string | Buffer, contentType = 'application/json') =>
  httpRequest(h.server.baseUrl, 'POST', '/api/v1/auth/sign-in', contentType ? { 'content-type': contentType } : {}, body);

async function run(s: Step): Promise<void> {
  switch (s.kind) {
    case 'valid': {
      const { status, body } = await signIn(JSON.stringify({ username: s.username, password: PASSWORD }));
      h.count('valid', status < 400 ? 'ok' : 'refused');
      expect(status, `sign-in ${s.username}: ${preview(body)}`).toBe(200);
      expect(typeof (body as { token?: unknown }).token).toBe('string');
      audited += 1;
      return;
    }
    case 'fields': {
      const body: Record<string, unknown> = { username: s.username, password: s.password };
      if (s.extra) Object.defineProperty(body, s.extra[0], { value: s.extra[1], enumerable: true });
      const answer = await signIn(JSON.stringify(body));
      const context = `sign-in ${preview(body, 300)}`;
      const outcome = checkAnswer(answer.status, answer.body, context);
      h.count('hostile', outcome);
      if (answer.status === 200) {
        // Only the exact name and password of a user may succeed.
        expect([s.username, s.password, s.extra], context).toEqual([expect.stringMatching(/^(wang|constructor)$/), PASSWORD, null]);
      }
      if (answer.status === 200 || answer.status === 401) audited += 1;
      return;
    }
    case 'raw': {
      const answer = await signIn(s.body, s.contentType);
      const context = `sign-in body ${preview(String(s.body), 160)} as "${s.contentType}"`;
      const outcome = checkAnswer(answer.status, answer.body, context);
      h.count('hostile', outcome);
      expect(answer.status, `${context} cannot sign anyone in`).not.toBe(200);
      if (answer.status === 401) audited += 1;
      return;
    }
    case 'record':
      return h.sendRecord(s.template);
  }
}

describe('sign-in under generated hostile input (fast-check)', () => {
  it('answers every attempt below 500, refusals with issues; only the exact name and password sign in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const s of steps) await run(s);
      }),
      hostileParams('sign-in', 40),
    );
  }, hostileTimeout());

  it('audits every attempt that reached the password check, once', async () => {
    const [row] = await h.server.db.sql<{ n: number }[]>`select count(*)::int as n from audit_entries where action = 'auth.sign-in'`;
    expect(row!.n).toBe(audited);
  });

  it('ends with every acknowledged record in the log once, the screen equal to the log, and no error in the server log', async () => {
    await h.finish();
  });
});
