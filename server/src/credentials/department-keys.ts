import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DepartmentId } from '@beacon/shared';
import type { Sql } from '@beacon/db';

export interface DepartmentCredential {
  id: string;
  department: DepartmentId;
  label: string;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Makes a new key and stores only its hash; the plain key is returned once, to be handed to the department. */
export async function createDepartmentKey(
  sql: Sql,
  department: DepartmentId,
  label: string,
): Promise<DepartmentCredential & { key: string }> {
  const id = randomUUID();
  const key = `bk_${department}_${randomBytes(32).toString('base64url')}`;
  await sql`insert into department_keys (id, department, label, key_hash) values (${id}, ${department}, ${label}, ${hashKey(key)})`;
  return { id, department, label, key };
}

export async function findCredential(sql: Sql, key: string): Promise<DepartmentCredential | null> {
  const rows = await sql<DepartmentCredential[]>`
    select id, department, label from department_keys where key_hash = ${hashKey(key)} and revoked_at is null`;
  return rows[0] ?? null;
}

/** Revokes every live key with this label for the department (used to rotate the simulator's key). */
export async function revokeKeysByLabel(sql: Sql, department: DepartmentId, label: string): Promise<number> {
  const rows = await sql`
    update department_keys set revoked_at = now()
    where department = ${department} and label = ${label} and revoked_at is null returning id`;
  return rows.length;
}
