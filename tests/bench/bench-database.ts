import { startScratchPostgres } from '../support/scratch-postgres.ts';
import { createMigratedDatabase } from '../support/test-database.ts';

/** A fresh, migrated database for one benchmark: on DATABASE_URL's server when set, else embedded. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const scratch = process.env.DATABASE_URL ? null : await startScratchPostgres();
  const db = await createMigratedDatabase(process.env.DATABASE_URL ?? scratch!.url, 'beacon_bench');
  return {
    url: db.url,
    drop: async () => {
      await db.drop();
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
