import type { ErrorBody } from '@beacon/shared';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Refusals made before any route runs — by Node's HTTP parser or Fastify's router — answer with
// Beacon's error body and its issues, like every other refusal. Sent over a raw socket: fetch
// itself refuses to send most of these requests.

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

interface Answer {
  status: number;
  headers: string;
  body: ErrorBody;
}

/** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
function raw(request: string | Buffer): Promise<Answer> {
  const { port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]);
      try {
        resolve({ status, headers: head ?? '', body: JSON.parse(rest.join('\r\n\r\n')) });
      } catch {
        reject(new Error(`not a JSON answer: ${text.slice(0, 300)}`));
      }
    });
    socket.write(request);
  });
}

const expectIssues = (a: Answer) => {
  expect(a.body.statusCode).toBe(a.status);
  expect(a.body.issues.length).toBeGreaterThan(0);
  for (const i of a.body.issues) {
    expect(typeof i.path).toBe('string');
    expect(i.expected).toEqual(expect.any(String));
    expect(i.got).not.toBeUndefined();
  }
};

describe('refusals before routing carry issues', () => {
  it('a NUL in content-type: 400 BEACON_MALFORMED_REQUEST naming the headers', async () => {
    const body = '{"records":[]}';
    const a = await raw(
      `POST /api/v1/ingest/rain-gauge HTTP/1.1\r\nHost: beacon\r\nContent-Type: application/json\u0000x\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ code: 'BEACON_MALFORMED_REQUEST', error: 'Bad Request', issues: [{ path: 'headers', got: expect.stringMatching(/^HPE_/) }] });
    expect(a.body.issues[0]!.expected).toMatch(/no NUL, CR or LF/);
    expectIssues(a);
  });

  it('a garbled request line: 400 naming the request', async () => {
    const a = await raw('GET /api/v1/health HTTP/9 9\r\nHost: beacon\r\n\r\n');
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ code: 'BEACON_MALFORMED_REQUEST', issues: [{ path: 'request' }] });
    expectIssues(a);
  });

  it('headers too large: 431 naming the headers', async () => {
    const a = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: beacon\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(a.status).toBe(431);
    expect(a.body).toMatchObject({ code: 'BEACON_HEADERS_TOO_LARGE', error: 'Request Header Fields Too Large', issues: [{ path: 'headers' }] });
    expectIssues(a);
  });

  it('a URL whose percent-encoding is not UTF-8: 400 BEACON_BAD_URL echoing it', async () => {
    const a = await raw('GET /api/v1/incidents/%E5%8E/surroundings HTTP/1.1\r\nHost: beacon\r\nConnection: close\r\n\r\n');
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({ code: 'BEACON_BAD_URL', issues: [{ path: 'url', got: '/api/v1/incidents/%E5%8E/surroundings' }] });
    expectIssues(a);
  });

  it('an over-long URL part: 414 BEACON_URL_TOO_LONG saying how long', async () => {
    const a = await raw(`GET /api/v1/incidents/${'x'.repeat(300)}/surroundings HTTP/1.1\r\nHost: beacon\r\nConnection: close\r\n\r\n`);
    expect(a.status).toBe(414);
    expect(a.body).toMatchObject({
      code: 'BEACON_URL_TOO_LONG', error: 'URI Too Long',
      issues: [{ path: 'url', expected: 'each part of the path at most 100 characters', got: expect.stringContaining('300 characters') }],
    });
    expectIssues(a);
  });
});
