import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PASSWORD_RULES } from '@beacon/server/auth/password-policy.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** The password policy where passwords are chosen: creating a user and resetting a password, by the API and the CLI. */

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

function asAdmin(method: string, path: string, body: unknown) {
  return fetch(`${server.baseUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.admin}` }, body: JSON.stringify(body),
  });
}
async function signsIn(username: string, password: string): Promise<boolean> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200 && res.status !== 401) throw new Error(`sign-in answered ${res.status}`);
  return res.status === 200;
}
async function userExists(username: string): Promise<boolean> {
  return (await server.db.sql`select 1 from users where username = ${username}`).length > 0;
}

describe('the policy in the API', () => {
  const create = (username: string, password: string) => asAdmin('POST', '/api/v1/users', { username, displayName: '测试', role: 'duty', password });

  it.each([
    ['twelve spaces', ' '.repeat(12), PASSWORD_RULES.pattern, 'only whitespace'],
    ['a common password', 'password1234', PASSWORD_RULES.common, 'a common or easily guessed password'],
    ['a repetition', 'abcabcabcabc', PASSWORD_RULES.pattern, 'a repetition'],
    ['the user name inside', 'xu.ming-typhoon-2016', PASSWORD_RULES.username, 'a password containing the user name'],
  ])('refuses %s with a 400 at /password saying what is expected, and creates no user', async (_what, password, expected, got) => {
    const res = await create('xu.ming', password);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; issues: unknown[] };
    expect(body).toMatchObject({ statusCode: 400, code: 'BEACON_WEAK_PASSWORD', issues: [{ path: '/password', expected, got }] });
    expect(body.message).toContain(PASSWORD_RULES.length);
    expect(JSON.stringify(body)).not.toContain(password.trim() || '            ');
    expect(await userExists('xu.ming')).toBe(false);
  });

  it('names every rule a password breaks', async () => {
    const res = await create('abab', 'abababababab');
    const { issues } = (await res.json()) as { issues: { path: string; expected: string }[] };
    expect(issues.map((i) => [i.path, i.expected])).toEqual([['/password', PASSWORD_RULES.pattern], ['/password', PASSWORD_RULES.username]]);
    expect(await userExists('abab')).toBe(false);
  });

  it('creates a user with an acceptable password, which then signs in', async () => {
    const res = await create('xu.ming', 'lantern-on-the-night-desk');
    expect(res.status).toBe(201);
    expect(await signsIn('xu.ming', 'lantern-on-the-night-desk')).toBe(true);
  });

  it('checks a reset password by the same policy, keeping the old one when refusing', async () => {
    const refused = await asAdmin('POST', '/api/v1/users/xu.ming/password', { password: 'password1234' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'BEACON_WEAK_PASSWORD', issues: [{ path: '/password', expected: PASSWORD_RULES.common }] });
    expect(await signsIn('xu.ming', 'lantern-on-the-night-desk')).toBe(true);

    const reset = await asAdmin('POST', '/api/v1/users/xu.ming/password', { password: 'ferry-terminal-east-9' });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ username: 'xu.ming', password: 'ferry-terminal-east-9' });
    expect(await signsIn('xu.ming', 'ferry-terminal-east-9')).toBe(true);
    expect(await signsIn('xu.ming', 'lantern-on-the-night-desk')).toBe(false);
    const [audit] = await server.db.sql<{ target: string }[]>`select target from audit_entries where action = 'admin.password-reset'`;
    expect(audit?.target).toBe('xu.ming');
  });

  it('generates a password when a reset gives none, and refuses a reset of an unknown user', async () => {
    const reset = await asAdmin('POST', '/api/v1/users/xu.ming/password', {});
    const { password } = (await reset.json()) as { password: string };
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await signsIn('xu.ming', password)).toBe(true);
    expect((await asAdmin('POST', '/api/v1/users/nobody/password', {})).status).toBe(404);
  });
});

// Each run starts tsx and the CLI's imports afresh: seconds on a busy two-core machine.
describe('the policy in the CLI', { timeout: 120_000 }, () => {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const cliPath = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));

  /** `pnpm beacon …` as a child process against this file's database, with `stdin` piped in. */
  function beacon(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [tsxCli, cliPath, ...args], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdin.end(stdin);
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('refuses a weak --password loudly, saying what is expected, and creates no user', async () => {
    const run = await beacon(['users', 'create', 'chen', '--role', 'duty', '--password', 'password1234']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the password is refused');
    expect(run.stderr).toContain(`expected ${PASSWORD_RULES.common}`);
    expect(run.stdout).toBe('');
    expect(await userExists('chen')).toBe(false);
  });

  it('takes an acceptable --password, warning that it lands in the shell history', async () => {
    const run = await beacon(['users', 'create', 'chen', '--role', 'duty', '--name', '陈值班', '--password', 'harbour-wind-signal-8']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--password leaves the password in your shell history');
    expect(run.stderr).toContain('prefer --password-stdin');
    expect(run.stdout).toContain('User "chen" (duty) created.');
    expect(run.stdout).not.toContain('harbour-wind-signal-8');
    expect(await signsIn('chen', 'harbour-wind-signal-8')).toBe(true);
  });

  it('reads --password-stdin from a pipe (without its line break), checked by the same policy', async () => {
    const weak = await beacon(['users', 'create', 'lin', '--role', 'commander', '--password-stdin'], `${' '.repeat(12)}\n`);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain(`expected ${PASSWORD_RULES.pattern} (got only whitespace)`);
    expect(await userExists('lin')).toBe(false);

    const run = await beacon(['users', 'create', 'lin', '--role', 'commander', '--password-stdin'], 'rain-gauge-at-dawn-17\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(await signsIn('lin', 'rain-gauge-at-dawn-17')).toBe(true);
  });

  it('checks users reset-password by the policy too', async () => {
    const weak = await beacon(['users', 'reset-password', 'lin', '--password-stdin'], 'lin-lin-lin-lin');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain(`expected ${PASSWORD_RULES.username}`);
    expect(await signsIn('lin', 'rain-gauge-at-dawn-17')).toBe(true);

    const run = await beacon(['users', 'reset-password', 'lin', '--password-stdin'], 'typhoon-signal-no-10');
    expect(run.code).toBe(0);
    expect(await signsIn('lin', 'typhoon-signal-no-10')).toBe(true);
    expect(await signsIn('lin', 'rain-gauge-at-dawn-17')).toBe(false);
  });

  it('refuses unknown and misplaced options loudly instead of ignoring them', async () => {
    const misspelt = await beacon(['users', 'create', 'gao', '--role', 'duty', '--pasword', 'harbour-wind-signal-8']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("Unknown option '--pasword'");
    const misplaced = await beacon(['keys', 'create', 'meteorology', '--password', 'harbour-wind-signal-8']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('"keys create" takes no --password');
    expect(await userExists('gao')).toBe(false);
  });
});
