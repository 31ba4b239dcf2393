import { randomBytes } from 'node:crypto';
import { runMigrations } from '@beacon/db';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';

describe('migrations', () => {
  it('are safe when several nodes start at once: each runs once, none fails', async () => {
    const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
    const name = `beacon_m_${randomBytes(5).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(inject('adminDatabaseUrl'));
    url.pathname = `/${name}`;
    try {
      await Promise.all(Array.from({ length: 4 }, () => runMigrations(url.toString())));
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const applied = await db`select hash from drizzle.__drizzle_migrations`;
      const tables = await db`select tablename from pg_tables where schemaname = 'public' order by tablename`;
      // The identifiers ingest probes and indexes on every batch compare byte by byte (db/src/schema/events.ts).
      const identifiers = await db<{ c: string; collation: string | null }[]>`
        select table_name || '.' || column_name as c, collation_name as collation from information_schema.columns
        where table_schema = 'public' and (table_name, column_name) in (('events', 'category'), ('events', 'entity_id'), ('events', 'dedupe_key'), ('current_state', 'category'), ('current_state', 'entity_id'))
        order by 1`;
      await db.end();
      expect(identifiers).toEqual(['current_state.category', 'current_state.entity_id', 'events.category', 'events.dedupe_key', 'events.entity_id'].map((c) => ({ c, collation: 'C' })));
      expect(new Set(applied.map((r) => r.hash)).size).toBe(applied.length);
      expect(tables.map((t) => t.tablename)).toEqual(['audit_entries', 'cap_messages', 'current_state', 'department_keys', 'events', 'kiosk_tokens', 'rate_limit_counters', 'revoked_tokens', 'server_secrets', 'state_snapshots', 'users']);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
