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
      await db.end();
      expect(new Set(applied.map((r) => r.hash)).size).toBe(applied.length);
      expect(tables.map((t) => t.tablename)).toEqual(['audit_entries', 'cap_messages', 'current_state', 'department_keys', 'events', 'kiosk_tokens', 'rate_limit_counters', 'revoked_tokens', 'server_secrets', 'state_snapshots', 'users']);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
