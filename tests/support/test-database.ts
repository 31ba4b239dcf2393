import { randomBytes } from 'node:crypto';
import { runMigrations } from '@beacon/db';
import postgres from 'postgres';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, on the shared test server. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase(inject('adminDatabaseUrl'), 'beacon_t');
}

/** A fresh database on the server at `admin`, migrated; `drop()` removes it. */
export async function createMigratedDatabase(admin: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (sql) => sql.unsafe(`create database ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: () => withAdmin(admin, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`)),
  };
}

async function withAdmin(url: string, f: (sql: postgres.Sql) => Promise<unknown>): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await f(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
