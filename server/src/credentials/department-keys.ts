import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { notifyRevoked } from '../auth/revocations.ts';

export interface DepartmentCredential {
  id: string;
  department: DepartmentId;
  label: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const KEY_PREFIX = 'bk_';

/** Whether a presented token is a department API key (by its form; whether it is live is another matter). */
export function isDepartmentKey(token: string): boolean {
  return token.startsWith(KEY_PREFIX);
}

/** Makes a new key and stores only its hash; the plain key is returned once, to be handed to the department. */
export async function createDepartmentKey(
  sql: Sql,
  department: DepartmentId,
  label: string,
): Promise<DepartmentCredential & { key: string }> {
  const id = randomUUID();
  const key = `${KEY_PREFIX}${department}_${randomBytes(32).toString('base64url')}`;
  await sql`insert into department_keys (id, department, label, key_hash) values (${id}, ${department}, ${label}, ${hashKey(key)})`;
  return { id, department, label, key };
}

export async function findCredential(sql: Sql, key: string): Promise<DepartmentCredential | null> {
  const rows = await sql<DepartmentCredential[]>`
    select id, department, label from department_keys where key_hash = ${hashKey(key)} and revoked_at is null`;
  return rows[0] ?? null;
}

/**
 * The live credential of a key presented to authenticate, noting that it was used: in the same
 * statement as the look-up (no extra round trip), written at most once a minute per key whichever
 * node it reaches — the admin's "last used" needs minutes, and ingest must not write a row per batch.
 */
export async function credentialInUse(sql: Sql, key: string): Promise<DepartmentCredential | null> {
  const rows = await sql<DepartmentCredential[]>`
    with live as (select id, department, label from department_keys where key_hash = ${hashKey(key)} and revoked_at is null),
    used as (${touchUsed(sql)})
    select id, department, label from live`;
  return rows[0] ?? null;
}

/** The update behind "last used": the rows of `live` not written in the last minute. */
function touchUsed(sql: Sql) {
  return sql`
    update department_keys k set last_used_at = now() from live
    where k.id = live.id and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute')`;
}

/**
 * Revokes every live key with this label for the department (used to rotate the simulator's key).
 * Announced in the same statement, delivered at commit to every node: open ingest streams on those
 * keys close, wherever they are — also when the CLI, a separate process, revokes.
 */
export async function revokeKeysByLabel(sql: Sql, department: DepartmentId, label: string): Promise<number> {
  const rows = await sql`
    with revoked as (
      update department_keys set revoked_at = now()
      where department = ${department} and label = ${label} and revoked_at is null returning id
    )
    select id, ${notifyRevoked(sql, 'key', 'id')} from revoked`;
  return rows.length;
}

import type { DepartmentKeyInfo } from '@beacon/shared';
export type { DepartmentKeyInfo };

/**
 * Keys, newest first — one department's, or (without one) every department's: ids, labels and dates
 * only, the hashes never leave the table.
 */
export async function listDepartmentKeys(sql: Sql, department?: DepartmentId): Promise<DepartmentKeyInfo[]> {
  const rows = await sql<{ id: string; department: DepartmentId; label: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }[]>`
    select id, department, label, created_at, revoked_at, last_used_at from department_keys
    ${department === undefined ? sql`` : sql`where department = ${department}`}
    order by created_at desc, id`;
  return rows.map((r) => ({
    id: r.id, department: r.department, label: r.label, createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null, lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

/**
 * Revokes one live key by its id; its department, or null when there is no such live key. Announced
 * in the same statement (every node closes the ingest streams on it), like revokeKeysByLabel.
 */
export async function revokeDepartmentKey(sql: Sql, id: string): Promise<DepartmentId | null> {
  const [row] = await sql<{ department: DepartmentId }[]>`
    with revoked as (update department_keys set revoked_at = now() where id = ${id} and revoked_at is null returning id, department)
    select department, ${notifyRevoked(sql, 'key', 'id')} from revoked`;
  return row?.department ?? null;
}

/**
 * Rotation: a new key with this label, and every older live key with the same label revoked, in one
 * transaction — so there is never a moment with two live keys for the label, nor none.
 */
export async function rotateDepartmentKey(
  sql: Sql,
  department: DepartmentId,
  label: string,
): Promise<DepartmentCredential & { key: string; revoked: number }> {
  return sql.begin(async (tx) => {
    const revoked = await revokeKeysByLabel(tx as unknown as Sql, department, label);
    const created = await createDepartmentKey(tx as unknown as Sql, department, label);
    return { ...created, revoked };
  }) as Promise<DepartmentCredential & { key: string; revoked: number }>;
}

/**
 * The credential a server-side component (a pull connector) writes with, so the log records who
 * brought the data in. It is an ordinary key row — listed, revocable — whose plain key is thrown
 * away at once: nobody can present it over HTTP. Found again by label on the next start.
 */
export async function serviceCredential(sql: Sql, department: DepartmentId, label: string): Promise<DepartmentCredential> {
  const [found] = await sql<DepartmentCredential[]>`
    select id, department, label from department_keys
    where department = ${department} and label = ${label} and revoked_at is null order by created_at limit 1`;
  if (found) return found;
  const { key: _discarded, ...credential } = await createDepartmentKey(sql, department, label);
  return credential;
}

/** Whether a key found earlier is still live: long-lived streams re-check so a revocation reaches them. */
export async function isCredentialLive(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`select 1 from department_keys where id = ${id} and revoked_at is null`;
  return rows.length > 0;
}

/** isCredentialLive for a stream's periodic re-check, noting the use as credentialInUse does: a stream open for hours keeps its key's "last used" current. */
export async function credentialStillInUse(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`
    with live as (select id from department_keys where id = ${id} and revoked_at is null),
    used as (${touchUsed(sql)})
    select 1 from live`;
  return rows.length > 0;
}
