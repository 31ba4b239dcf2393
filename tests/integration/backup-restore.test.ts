import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@beacon/server/auth/users.ts';
import { xiamen } from '@beacon/shared';
import postgres from 'postgres';
import { runCli } from '../support/cli-process.ts';
import { issue } from '../support/command-fixtures.ts';
import { expectEngineMatchesLog, expectScreensMatchLog } from '../support/log-truth.ts';
import { watch } from '../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PASSWORD = 'typhoon-meranti-2016';
const TABLES = ['audit_entries', 'cap_messages', 'current_state', 'department_keys', 'events', 'kiosk_tokens', 'revoked_tokens', 'server_secrets', 'state_snapshots', 'users'];

let dir: string;
let source: TestDatabase;
let server: TestServer;
let backupFile: string;
/** What the source held when the backup was taken. */
let before: { seq: number; rows: Record<string, number>; state: unknown };
let signedIn: string;
let signedOut: string;
const databases: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const counts: Record<string, number> = {};
    for (const t of TABLES) counts[t] = (await sql<{ n: number }[]>`select count(*)::int as n from ${sql(t)}`)[0]!.n;
    return counts;
  } finally {
    await sql.end();
  }
}

async function ingest(target: TestServer, key: string, minutes: number[], station = 'SM01') {
  const res = await fetch(`${target.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ records: minutes.map((m) => ({ stationId: station, observedAt: new Date(Date.now() - (120 - m) * 60_000).toISOString(), rainfall1hMm: m % 90 })) }),
  });
  return { status: res.status, body: (await res.json()) as { records: { seq: number }[] } };
}

function signIn(baseUrl: string) {
  return fetch(`${baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wang', password: PASSWORD }) });
}

function me(baseUrl: string, token: string) {
  return fetch(`${baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'beacon-backup-'));
  backupFile = join(dir, 'beacon.backup.gz');
  source = await freshDatabase();
  server = await startTestServer(source.url, { snapshots: { everyEvents: 10 }, rateLimit: false });
  await createUser(server.db.sql, { username: 'wang', displayName: '王指挥', role: 'commander', password: PASSWORD });
  for (let batch = 0; batch < 6; batch++) {
    for (const station of ['SM01', 'HL01', 'JM03']) expect((await ingest(server, server.meteorologyKey, [batch * 5, batch * 5 + 1], station)).status).toBe(200);
  }
  expect((await issue(server, server.tokens.commander, { kind: 'response.set', level: 'III' }, { reason: "台风逼近" })).status).toBe(201);
  signedIn = ((await (await signIn(server.baseUrl)).json()) as { token: string }).token;
  signedOut = ((await (await signIn(server.baseUrl)).json()) as { token: string }).token;
  expect((await fetch(`${server.baseUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${signedOut}` } })).status).toBe(200);
  await server.app.engine.catchUp();
  await server.app.engine.catchUp();
  before = { seq: server.app.engine.state.seq, rows: await rowCounts(source.url), state: JSON.parse(JSON.stringify(server.app.engine.state)) };
  // Taken while the server runs.
  const backup = await runCli(['backup', backupFile], source.url);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(`log at seq ${before.seq}`);
}, 120_000);

afterAll(async () => {
  await server?.close();
  for (const db of databases) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('beacon backup and restore', () => {
  it('the backup has something of every kind of state', () => {
    for (const table of ['events', 'current_state', 'state_snapshots', 'users', 'kiosk_tokens', 'department_keys', 'revoked_tokens', 'server_secrets', 'audit_entries']) {
      expect(before.rows[table], table).toBeGreaterThan(0);
    }
  });

  it('restored into an empty database, a server starts with the same live state, seq and credentials, and continues the log', async () => {
    const target = await freshDatabase();
    const restore = await runCli(['restore', backupFile], target.url);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(await rowCounts(target.url)).toEqual(before.rows);

    const restored = await startTestServer(target.url, { snapshots: { everyEvents: 10 } });
    try {
      await restored.app.engine.whenCurrent();
      // Started from the restored snapshot, folded to the same place; and that is the fold of the restored log.
      expect(restored.app.engine.startedFrom).toBeGreaterThan(0);
      expect(restored.app.engine.state.seq).toBe(before.seq);
      expect(JSON.parse(JSON.stringify(restored.app.engine.state))).toEqual(before.state);
      await expectEngineMatchesLog(restored.db.sql, restored.app.engine.state);

      // The old credentials: a password, a token signed before the backup, the wall's kiosk link, a department key.
      expect((await signIn(restored.baseUrl)).status).toBe(200);
      expect((await me(restored.baseUrl, signedIn)).status).toBe(200);
      expect((await me(restored.baseUrl, signedOut)).status).toBe(401);
      const wall = await watch({ baseUrl: restored.baseUrl, wallToken: server.wallToken });
      try {
        const sent = await ingest(restored, server.meteorologyKey, [100, 101], 'XA05');
        expect(sent.status).toBe(200);
        expect(Math.min(...sent.body.records.map((r) => r.seq))).toBeGreaterThan(before.seq);
        await restored.app.engine.catchUp();
        await expectScreensMatchLog(restored.db.sql, xiamen, [{ client: wall, view: { kind: 'city' } }]);
      } finally {
        wall.close();
      }
      // A command: its audit entry continues the restored audit ids.
      expect((await issue(restored, restored.tokens.commander, { kind: 'response.set', level: 'II' }, { reason: "台风登陆" })).status).toBe(201);
      const [audit] = await restored.db.sql<{ n: number; max: number }[]>`select count(*)::int as n, max(id)::int as max from audit_entries`;
      expect(audit!.max).toBe(audit!.n);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses a missing or extra file argument, and a file it cannot write', async () => {
    const none = await runCli(['backup'], source.url);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('expected "beacon backup <file>"');
    const two = await runCli(['restore', 'a.gz', 'b.gz'], source.url);
    expect(two.code).toBe(2);
    const nowhere = await runCli(['backup', join(dir, 'no-such-directory', 'x.gz')], source.url);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('beacon: backup refused: cannot write');
  }, 60_000);

  it('is one moment of the database while records keep arriving: every current_state row with its event, the log folding to the restored state', async () => {
    const file = join(dir, 'busy.gz');
    let writing = true;
    let batches = 0;
    const stations = ['SM01', 'HL01', 'JM03', 'TA02', 'XA05', 'SM02'];
    const writer = (async () => {
      while (writing) {
        const records = stations.map((stationId) => ({ stationId, observedAt: new Date(Date.now() - 1000).toISOString(), rainfall1hMm: batches % 90 }));
        const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
          body: JSON.stringify({ records }),
        });
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
        batches++;
      }
    })();
    try {
      const deadline = Date.now() + 30_000;
      while (batches < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const backup = await runCli(['backup', file], source.url);
      expect(backup.code, backup.stderr).toBe(0);
    } finally {
      writing = false;
      await writer;
    }
    const backedUpSeq = Number(/log at seq (\d+)/.exec((await runCli(['restore', file], (await freshDatabase()).url)).stdout)?.[1]);
    expect(backedUpSeq).toBeGreaterThan(before.seq);
    // Writes went on after the snapshot the backup was read from.
    const [{ head }] = (await server.db.sql<{ head: number }[]>`select max(seq)::int as head from events`) as unknown as [{ head: number }];
    expect(head).toBeGreaterThan(backedUpSeq);

    const target = databases.at(-1)!;
    const restored = await startTestServer(target.url, { snapshots: false });
    try {
      await restored.app.engine.whenCurrent();
      const [{ orphans }] = (await restored.db.sql<{ orphans: number }[]>`
        select count(*)::int as orphans from current_state c left join events e on e.seq = c.seq where e.seq is null`) as unknown as [{ orphans: number }];
      expect(orphans).toBe(0);
      const [{ newest }] = (await restored.db.sql<{ newest: number }[]>`select max(seq)::int as newest from events`) as unknown as [{ newest: number }];
      expect(newest).toBe(backedUpSeq);
      await expectEngineMatchesLog(restored.db.sql, restored.app.engine.state);
      expect(restored.app.engine.state.seq).toBe(backedUpSeq);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses a database that holds anything, naming what it found, and changes nothing', async () => {
    const target = await freshDatabase();
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    await sql`insert into server_secrets (name, value) values ('token-signing-key', 'x')`;
    await sql.end();
    const restore = await runCli(['restore', backupFile], target.url);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('restore needs an empty database');
    expect(restore.stderr).toContain('server_secrets (1 row)');
    expect(await rowCounts(target.url)).toEqual({ ...Object.fromEntries(TABLES.map((t) => [t, 0])), server_secrets: 1 });
  }, 60_000);

  it('refuses a file cut short, damaged, or missing its end, and leaves the database empty', async () => {
    const whole = readFileSync(backupFile);
    const text = gunzipSync(whole).toString('utf8');
    const lines = text.split('\n');
    const eventRow = lines.findIndex((l) => /^\d+\train-gauge\.reading\t/.test(l) || /^\d+\t[a-z-]+\.[a-z-]+\t/.test(l));
    expect(eventRow).toBeGreaterThan(0);
    const cases: [string, Buffer, string][] = [
      ['cut.gz', whole.subarray(0, Math.floor(whole.length / 2)), 'is cut short (the compressed stream ends early)'],
      // Cut at a line boundary, after the events were copied: only the end line's absence tells.
      ['no-end.gz', gzipSync(lines.slice(0, -2).join('\n') + '\n'), 'is cut short: it ends where the end line was expected'],
      ['bad-row.gz', gzipSync(lines.map((l, i) => (i === eventRow ? l.replace(/^\d+/, 'not-a-number') : l)).join('\n')), 'PostgreSQL refused the rows of events'],
      ['counts.gz', gzipSync(text.replace(/"events":\d+/, '"events":1')), 'the rows read differ from the rows written (events: read'],
      ['not-a-backup.gz', gzipSync('hello\n'), 'is not a Beacon backup'],
      ['wrong-seq.gz', gzipSync(text.replace(/"seq":(\d+),"tables"/, (_, n: string) => `"seq":${Number(n) + 1},"tables"`)), 'its log ends at seq'],
      // Checked by the server's one validation policy: the damaged field named, and what it must be.
      ['bad-header.gz', gzipSync(text.replace(/"seq":(\d+),"tables"/, (_, n: string) => `"seq":"${n}","tables"`)), 'the header is not as expected (/seq must be integer'],
      ['older-schema.gz', gzipSync(text.replace(/"applied":(\d+)/, (_, n: string) => `"applied":${Number(n) - 1}`)), 'restore it with the Beacon version that took it'],
    ];
    const target = await freshDatabase();
    for (const [name, bytes, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const restore = await runCli(['restore', file], target.url);
      expect(restore.code, name).toBe(1);
      expect(restore.stderr, name).toContain(message);
      expect(await rowCounts(target.url), name).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    }
  }, 300_000); // eight CLI processes, each starting tsx
});
