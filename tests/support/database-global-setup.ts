import type { TestProject } from 'vitest/node';
import { startScratchPostgres } from './scratch-postgres.ts';

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
  const pg = await startScratchPostgres();
  project.provide('adminDatabaseUrl', pg.url);
  return () => pg.stop();
}
