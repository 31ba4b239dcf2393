import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Every socket event a screen can send, fed generated payloads: each gets an answer (ok, or an error
// that names what was expected), the socket stays connected, and the server keeps serving.

let database: TestDatabase;
let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
  await database?.drop();
});

async function connect(namespace: string): Promise<Socket> {
  const s = io(`${server.baseUrl}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: server.tokens.duty } });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

const payloads = fc.oneof(
  fc.anything(),
  fc.record({
    protocol: fc.oneof(fc.constant(2), fc.integer()),
    view: fc.oneof(fc.anything(), fc.record({ kind: fc.constantFrom('city', 'district', 'subdistrict', 'incident', 'x'), district: fc.string(), subdistrict: fc.string(), incidentId: fc.string() })),
    since: fc.oneof(fc.integer(), fc.anything()),
    from: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    to: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    speed: fc.oneof(fc.constantFrom(1, 10, 60, 600), fc.anything()),
  }, { requiredKeys: [] }),
);

describe('socket events with generated payloads', () => {
  it('always answer with ok or a named error, and never drop the connection', async () => {
    const live = await connect('');
    const replay = await connect('/replay');
    const events: [Socket, string][] = [
      [live, 'view:subscribe'], [replay, 'replay:open'], [replay, 'replay:seek'], [replay, 'replay:play'], [replay, 'replay:pause'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...events), payloads, async ([socket, event], payload) => {
        const answer = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string; message: string; issues: { path: string }[] } };
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) {
          // A refusal, never a failure: bad input must not reach the point of an internal error.
          expect(answer.error!.code).toMatch(/^BEACON_/);
          expect(answer.error!.code).not.toBe('BEACON_INTERNAL');
          expect(answer.error!.message.length).toBeGreaterThan(0);
        }
        expect(socket.connected).toBe(true);
      }),
      { numRuns: 150 },
    );
    const health = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});
