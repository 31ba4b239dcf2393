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

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const common = { max: options.max ?? 10, onnotice: () => {}, connection: { application_name: APPLICATION_NAME } };
  const sql = postgres(url, common);
  return {
    sql,
    close: async () => {
      await sql.end({ timeout: 5 });
    },
  };
}
