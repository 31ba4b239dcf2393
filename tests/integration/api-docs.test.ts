import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

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

describe('the API docs', () => {
  it('say who may call each route, from the declaration that enforces it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await (await fetch(`${server.baseUrl}/docs/json`)).json()) as any;
    const commands = doc.paths['/api/v1/commands'].post;
    expect(commands.security).toEqual([{ userToken: [] }]);
    expect(commands.description).toContain('Roles: duty, commander.');
    expect(doc.paths['/api/v1/audit'].get.description).toContain('Roles: duty, commander, admin.');
    expect(doc.paths['/api/v1/auth/sign-in'].post.security).toBeUndefined();
    expect(doc.components.securitySchemes.userToken).toMatchObject({ scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('describe the WebSocket stream for an integrator: how to authenticate, what to send, what comes back', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = (await (await fetch(`${server.baseUrl}/docs/json`)).json()) as any;
    const stream = doc.paths['/api/v1/stream'].get;
    expect(stream.security).toEqual([{ departmentKey: [] }]);
    expect(stream.description).toContain('"category": "rain-gauge"');
    expect(stream.description).toMatch(/At most \d+ bytes a message/);
    expect(stream.description).toContain('"ok": false, "error"');
  });
});
