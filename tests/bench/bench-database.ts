import { randomBytes } from 'node:crypto';
import { runMigrations } from '@beacon/db';
import postgres from 'postgres';
import { startScratchPostgres } from '../support/scratch-postgres.ts';

/** A fresh, migrated database for one benchmark: on DATABASE_URL's server when set, else embedded. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const scratch = process.env.DATABASE_URL ? null : await startScratchPostgres();
  const admin = process.env.DATABASE_URL ?? scratch!.url;
  const name = `beacon_bench_${randomBytes(5).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
      await scratch?.stop();
    },
  };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
