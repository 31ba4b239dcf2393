import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// The process as an operator runs it: what a first start does with its one-time credentials
// (server/src/process/deliver-first-start.ts), and what the request log holds (process/request-log.ts).

const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

interface FileCredentials { passwords: Map<string, string>; kioskToken: string }

function readCredentialsFile(text: string): FileCredentials {
  const passwords = new Map([...text.matchAll(/user "(\w+)"\s+password (\S+)/g)].map((m) => [m[1]!, m[2]!] as const));
  const kioskToken = /\/wall#kiosk=(\S+)/.exec(text)?.[1] ?? '';
  return { passwords, kioskToken };
}

describe('a first start whose stdout is not a terminal, then requests at the default log level', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let credentials: FileCredentials;
  const secrets = (): string[] => [...credentials.passwords.values(), credentials.kioskToken];

  beforeAll(async () => {
    database = await createTestDatabase();
    // LOG_LEVEL unset: the product's default.
    server = await startServerProcess(database.url, { LOG_LEVEL: undefined });
    credentials = readCredentialsFile(readFileSync(join(server.dataDir, 'first-start-credentials.txt'), 'utf8'));
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  it('writes the credentials to a 0600 file in the data directory, says where, and prints no secret', async () => {
    const file = join(server.dataDir, 'first-start-credentials.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect([...credentials.passwords.keys()]).toEqual(['admin', 'commander', 'duty']);
    expect(credentials.kioskToken).toMatch(/^eyJ/);
    expect(server.stdout()).toContain(`one-time credentials (admin, commander, duty, the wall's link) are in ${file}`);
    for (const secret of secrets()) expect(server.output()).not.toContain(secret);

    // What the file says is real: admin signs in with it.
    const res = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: credentials.passwords.get('admin') }),
    });
    expect(res.status).toBe(200);
    // Its log line is written after the answer: wait for it, so the next test sees only its own.
    await waitForRequestLines(server, 0, 1);
  });

  it('logs one JSON line per request at info, with no credential from a header, the query or a fragment', async () => {
    const from = server.stdout().length;
    const signIn = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'duty', password: credentials.passwords.get('duty') }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const audit = await fetch(`${server.baseUrl}/api/v1/audit?action=auth.`, { headers: { authorization: `Bearer ${token}` } });
    expect(audit.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/health?access_token=${token}`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/wall?kiosk=${credentials.kioskToken}&${credentials.kioskToken}`)).status).toBe(200);
    // A fragment never leaves a browser; a hand-made request line can carry one all the same.
    await rawGet(server.baseUrl, `/wall#kiosk=${credentials.kioskToken}`);

    const lines = await waitForRequestLines(server, from, 5);
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines.map((l) => `${l.req.method} ${l.req.url} ${l.res.statusCode}`)).toEqual([
      'POST /api/v1/auth/sign-in 200',
      'GET /api/v1/audit?action=* 200',
      'GET /api/v1/health?access_token=* 200',
      'GET /wall?kiosk=*&* 200',
      'GET /wall 200',
    ]);
    for (const l of requestLines) {
      expect(l.level).toBe(30);
      expect(typeof l.responseTime).toBe('number');
      expect(l.req.remoteAddress).toBe('127.0.0.1');
    }
    for (const secret of [...secrets(), token]) expect(server.output()).not.toContain(secret);
  });
});

describe('a first start on an interactive terminal', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'beacon-tty-'));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('prints the credentials there and writes no file', { timeout: 90_000 }, async () => {
    // util-linux `script` gives the server a pseudo-terminal as stdout, as a person's shell would.
    const child = spawn('script', ['-qefc', 'exec node --import tsx src/main.ts --no-sim --port 0', '/dev/null'], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: database.url, BEACON_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await until(() => /Console:/.test(out) || child.exitCode !== null, 600);
      expect(out, out).toMatch(/Console:/);
      expect(out).toMatch(/admin\s+user "admin"\s+password \S{12,}/);
      expect(out).toMatch(/duty\s+user "duty"\s+password \S{12,}/);
      expect(out).toMatch(/\/wall#kiosk=eyJ/);
      expect(existsSync(join(dataDir, 'first-start-credentials.txt'))).toBe(false);
    } finally {
      // Closing the terminal hangs it up: the server gets SIGHUP and closes as on Ctrl-C.
      child.kill('SIGTERM');
      await exited;
    }
  });
});

interface RequestLine { level: number; msg: string; req: { method: string; url: string; remoteAddress: string }; res: { statusCode: number }; responseTime: number }

/** The JSON lines the server printed after `from` characters of its stdout, once `count` request lines are among them. */
async function waitForRequestLines(server: ServerProcess, from: number, count: number): Promise<RequestLine[]> {
  const parse = () => server.stdout().slice(from).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as RequestLine);
  await until(() => parse().filter((l) => l.msg === 'request').length >= count);
  expect(parse().filter((l) => l.msg === 'request').length, server.stdout()).toBeGreaterThanOrEqual(count);
  return parse();
}

function rawGet(baseUrl: string, path: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answer = '';
    // Written, not ended: the server closes the connection once it has answered (Connection: close).
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (b: Buffer) => (answer += b.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** Polls (every 100 ms, a bounded number of times) for a condition of another process. */
async function until(condition: () => boolean, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
}
