import { hostname } from 'node:os';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Sql = postgres.Sql;

export interface Database {
  /** Raw postgres.js for the hot paths (ingest, log reads, LISTEN, COPY). */
  sql: Sql;
  /** drizzle for the rest. It gets its own client: drizzle changes postgres.js' jsonb/timestamp parsers. */
  orm: PostgresJsDatabase<typeof schema>;
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
  const ormClient = postgres(url, { ...common, max: 4 });
  return {
    sql,
    orm: drizzle(ormClient, { schema }),
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), ormClient.end({ timeout: 5 })]);
    },
  };
}
