import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@beacon/db';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL where tests may create and drop their own databases. */
    adminDatabaseUrl: string;
  }
}

/**
 * Integration and e2e tests run against a real PostgreSQL: the one at DATABASE_URL when set
 * (CI's second pass points it at the machine's server), otherwise a throwaway embedded cluster.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return async () => {};
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'beacon-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false });
  project.provide('adminDatabaseUrl', pg.url);
  return async () => {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
