import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, nodeBinary } from '../support/build.ts';
import { BUILT_SERVER_ARGS, startServerProcess } from '../support/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// The production build (server/scripts/build.mjs) runs as `pnpm start` runs it: plain JavaScript,
// no tsx, @beacon/shared and @beacon/db taken from their dist/. Node 20 cannot load a .ts file at
// all, so a start on Node 20 also proves that nothing in the build still points at a source file.
// Then the same build on the LTS lines the product supports, fetched from the npm registry.

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  await buildServer();
  database = await createTestDatabase();
}, 180_000);
afterAll(async () => database?.drop());

async function startsAndAnswersHealth(node?: string): Promise<string> {
  const server = await startServerProcess(database.url, {}, { built: true, ...(node ? { node } : {}) });
  try {
    const health = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(server.stdout()).toMatch(/Beacon is up in \d+ ms/);
    return server.stdout();
  } finally {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }
}

describe('the built server', () => {
  it(`starts on the Node running the tests (${process.version}) without tsx and answers health`, async () => {
    await startsAndAnswersHealth();
  });

  it('runs the admin CLI from the build', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [...BUILT_SERVER_ARGS.slice(0, -1), 'dist/cli.js', 'users', 'list'], {
      cwd: serverDir, env: { ...process.env, DATABASE_URL: database.url, NODE_OPTIONS: '' },
    });
    // The first start in the test above made admin, commander and duty.
    expect(stdout).toMatch(/^admin\tadmin\t/m);
  });

  // Downloads each Node once (~30 MB from the npm registry; npm caches it after).
  it.each([22, 24])('starts on Node %i LTS and answers health', { timeout: 240_000 }, async (major) => {
    const node = await nodeBinary(major);
    const { stdout } = await promisify(execFile)(node, ['-p', 'process.versions.node']);
    expect(stdout.trim().split('.')[0]).toBe(String(major));
    await startsAndAnswersHealth(node);
  });
});
