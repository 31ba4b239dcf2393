import { randomUUID } from 'node:crypto';
import type { Sql } from '@beacon/db';
import type { UserRole } from '@beacon/shared';
import { assertPasswordAcceptable } from './password-policy.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { notifyRevoked } from './revocations.ts';

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  createdAt: string;
  disabledAt: string | null;
}

export interface StoredUser extends UserInfo {
  passwordHash: string;
}

/**
 * Creates a user; with no password given, makes a random one. The plain password is returned once.
 * A chosen password must pass the policy (password-policy.ts), whoever creates the user: the API,
 * the CLI or the first start; a 400 InputError at `/password` says why it did not.
 */
export async function createUser(
  sql: Sql,
  input: { username: string; displayName: string; role: UserRole; password?: string; id?: string },
): Promise<{ user: UserInfo; password: string }> {
  if (input.password !== undefined) assertPasswordAcceptable(input.password, input);
  const password = input.password ?? generatePassword();
  const id = input.id ?? randomUUID();
  const [row] = await sql<{ created_at: Date }[]>`
    insert into users (id, username, display_name, role, password_hash)
    values (${id}, ${input.username}, ${input.displayName}, ${input.role}, ${await hashPassword(password)})
    returning created_at`;
  return {
    user: { id, username: input.username, displayName: input.displayName, role: input.role, createdAt: row!.created_at.toISOString(), disabledAt: null },
    password,
  };
}

export async function findUser(sql: Sql, username: string): Promise<StoredUser | null> {
  const [row] = await sql<{ id: string; username: string; display_name: string; role: UserRole; password_hash: string; created_at: Date; disabled_at: Date | null }[]>`
    select id, username, display_name, role, password_hash, created_at, disabled_at from users where username = ${username}`;
  if (!row) return null;
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, passwordHash: row.password_hash,
    createdAt: row.created_at.toISOString(), disabledAt: row.disabled_at?.toISOString() ?? null,
  };
}

export async function listUsers(sql: Sql): Promise<UserInfo[]> {
  const rows = await sql<{ id: string; username: string; display_name: string; role: UserRole; created_at: Date; disabled_at: Date | null }[]>`
    select id, username, display_name, role, created_at, disabled_at from users order by username`;
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, role: r.role,
    createdAt: r.created_at.toISOString(), disabledAt: r.disabled_at?.toISOString() ?? null,
  }));
}

export async function hasAnyUser(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ any: boolean }[]>`select exists (select 1 from users) as any`;
  return row!.any;
}

/** True while the user exists and is not disabled: a signed-in token stops working the moment it is not. */
export async function userIsActive(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql<{ active: boolean }[]>`select disabled_at is null as active from users where id = ${id}`;
  return row?.active ?? false;
}

/**
 * Disables a user (kept for the audit trail's sake, never deleted); their id, or null if there is no
 * such active user. Announced to every node in the same statement (their sockets close).
 */
export async function disableUser(sql: Sql, username: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    with disabled as (update users set disabled_at = now() where username = ${username} and disabled_at is null returning id)
    select id, ${notifyRevoked(sql, 'actor', 'id')} from disabled`;
  return row?.id ?? null;
}

/**
 * Resets an active user's password (checked by the same policy; with none given, a random one) and
 * returns the new plain password once, or null if there is no such active user. Tokens already
 * issued stay valid until they expire; disable the user to stop them at once.
 */
export async function resetPassword(sql: Sql, username: string, chosen?: string): Promise<{ userId: string; password: string } | null> {
  const user = await findUser(sql, username);
  if (!user || user.disabledAt) return null;
  if (chosen !== undefined) assertPasswordAcceptable(chosen, user);
  const password = chosen ?? generatePassword();
  const [row] = await sql<{ id: string }[]>`
    update users set password_hash = ${await hashPassword(password)} where id = ${user.id} and disabled_at is null returning id`;
  return row ? { userId: row.id, password } : null;
}
