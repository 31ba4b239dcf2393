import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '@beacon/db/embedded';

export const defaultDataDir = fileURLToPath(new URL('../../../.data/postgres', import.meta.url));

export interface ResolvedDatabase {
  url: string;
  /** Stops the embedded cluster if this process started it. */
  release(): Promise<void>;
  description: string;
  /**
   * Beacon's own files: BEACON_DATA_DIR, else .data/postgres. The embedded cluster lives in its
   * `cluster/`; a first start's credentials file is written here too, DATABASE_URL or not.
   */
  dataDir: string;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/ — started here, or, when
 * another Beacon process already runs it, reached through the port in its postmaster.pid.
 */
export async function resolveDatabase(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ResolvedDatabase> {
  const dataDir = env.BEACON_DATA_DIR || defaultDataDir;
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, release: async () => {}, description: 'PostgreSQL at DATABASE_URL', dataDir };
  }
  const running = runningClusterUrl(dataDir);
  if (running) return { url: running, release: async () => {}, description: `embedded PostgreSQL already running (${dataDir})`, dataDir };
  const embedded = await startEmbeddedPostgres({ dataDir, log: (l) => log(`postgres: ${l}`) });
  return { url: embedded.url, release: () => embedded.stop(), description: `embedded PostgreSQL (${dataDir})`, dataDir };
}

function runningClusterUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'cluster', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // a stale pid file from a crash: postgres will clean it up on start
  }
  const password = readFileSync(join(dataDir, 'superuser-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/beacon`;
}
