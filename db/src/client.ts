import { hostname } from 'node:os';
import postgres from 'postgres';

export type Sql = postgres.Sql;

export interface Database {
  /**
   * postgres.js, for every query. drizzle defines the schema and migrates it (db/src/migrate.ts, with
   * its own connection); no query goes through a drizzle client, so none is built.
   */
  sql: Sql;
  close(): Promise<void>;
}

/**
 * What every connection of this process is called in pg_stat_activity: which Beacon process holds it,
 * so an operator (and /metrics' beacon_db_connections) tells one node's connections from another's.
 * PostgreSQL keeps 63 bytes: the pid comes before the host name, so a long name cuts the host, not it.
 */
export const APPLICATION_NAME = `beacon#${process.pid}@${hostname()}`.slice(0, 63);

/**
 * Every statement planned for its own parameters and the log as it is now, never on a kept generic plan.
 * postgres.js prepares every statement it sends (the default), and a prepared statement that takes
 * parameters costs one round trip; an unprepared one costs two (Parse and Describe, wait for the
 * parameter types, then Bind and Execute) and is planned each time. Prepared statements, though, may
 * switch to a generic plan made once from the statistics of the moment and kept: the log's lookups
 * planned on a small log stay sequential scans as it grows (tests/integration/kept-plans.test.ts).
 * force_custom_plan keeps the one round trip and the cached parse, and plans each execution — what the
 * unprepared statements did, without their second round trip.
 */
export const PLAN_CACHE_MODE = 'force_custom_plan';

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const common = { max: options.max ?? 10, onnotice: () => {}, connection: { application_name: APPLICATION_NAME, plan_cache_mode: PLAN_CACHE_MODE } };
  const sql = postgres(url, common);
  return {
    sql,
    close: async () => {
      await sql.end({ timeout: 5 });
    },
  };
}
