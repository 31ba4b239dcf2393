import type { Sql } from '@beacon/db';
import type { TransactionSql } from 'postgres';
import type { MigrationLevel, SequenceValue, TableSection } from './backup-format.ts';

/** A connection or a transaction on one: backup and restore read these inside their own transaction. */
export type Queries = Sql | TransactionSql;

// What holds Beacon's state is read from the database itself, not listed here: a table a later
// migration adds is in the next backup without anyone remembering to add it. drizzle's own
// bookkeeping lives in its `drizzle` schema and is not state: the target is migrated by Beacon.

/** Every table of the public schema with its columns in order, sorted by name. */
export async function stateTables(sql: Queries): Promise<TableSection[]> {
  const rows = await sql<{ table: string; columns: string[] }[]>`
    select c.relname as table, array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    group by c.relname
    order by c.relname`;
  return rows.map((r) => ({ name: r.table, columns: r.columns }));
}

/** The sequences that feed a column of a public table (bigserial), with the last number each handed out. */
export async function stateSequences(sql: Queries): Promise<SequenceValue[]> {
  const owned = await sql<{ name: string; table: string; column: string }[]>`
    select s.relname as name, t.relname as table, a.attname as column
    from pg_class s
    join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public'
    order by s.relname`;
  const values: SequenceValue[] = [];
  for (const s of owned) {
    // A sequence is outside transactions: this is its value now, at or above every number the snapshot sees.
    const [row] = await sql<{ last_value: string; is_called: boolean }[]>`select last_value, is_called from ${sql(s.name)}`;
    values.push({ ...s, last: row!.is_called ? Number(row!.last_value) : 0 });
  }
  return values;
}

/** How far drizzle migrated this database (0 applied when never). */
export async function migrationLevel(sql: Queries): Promise<MigrationLevel> {
  const [exists] = await sql`select 1 from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations'`;
  if (!exists) return { applied: 0, latest: null };
  const [row] = await sql<{ applied: number; latest: string | null }[]>`
    select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`;
  return { applied: row!.applied, latest: row!.latest === null ? null : Number(row!.latest) };
}

export function describeLevel(level: MigrationLevel): string {
  return level.latest === null ? 'no migrations' : `${level.applied} migrations (newest ${new Date(level.latest).toISOString()})`;
}

/**
 * COPY's text format prints dates and numbers by the session's settings: both ends use the same
 * ones, whatever the server or a role defaults to, so a backup reads back as it was written.
 */
export async function fixCopyFormat(tx: TransactionSql): Promise<void> {
  await tx`set local datestyle = 'ISO, YMD'`;
  await tx`set local timezone = 'UTC'`;
  await tx`set local intervalstyle = 'postgres'`;
  await tx`set local extra_float_digits = 3`;
}
