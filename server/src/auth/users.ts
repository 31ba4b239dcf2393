import { randomUUID } from 'node:crypto';
import type { Sql } from '@beacon/db';
import type { UserRole } from '@beacon/shared';
import { assertPasswordAcceptable } from './password-policy.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { notifyRevoked, notifySessionsEnded } from './revocations.ts';

import type { UserInfo } from '@beacon/shared';
export type { UserInfo };

export interface StoredUser extends UserInfo {
  passwordHash: string;
  /** Raised by each password reset; a token issued in an earlier epoch is refused. */
  sessionEpoch: number;
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
  const [row] = await sql<{ id: string; username: string; display_name: string; role: UserRole; password_hash: string; created_at: Date; disabled_at: Date | null; session_epoch: number }[]>`
    select id, username, display_name, role, password_hash, created_at, disabled_at, session_epoch from users where username = ${username}`;
  if (!row) return null;
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, passwordHash: row.password_hash,
    createdAt: row.created_at.toISOString(), disabledAt: row.disabled_at?.toISOString() ?? null, sessionEpoch: row.session_epoch,
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
/**
 * Whether a user token's session still stands: 'live', or why not — the user is disabled (or unknown),
 * or their password was reset after the token was issued (its session epoch is behind the user's).
 */
export async function userSession(sql: Sql, id: string, sessionEpoch: number): Promise<'live' | 'inactive' | 'reset'> {
  const [row] = await sql<{ active: boolean; epoch: number }[]>`
    select disabled_at is null as active, session_epoch as epoch from users where id = ${id}`;
  if (!row?.active) return 'inactive';
  return row.epoch === sessionEpoch ? 'live' : 'reset';
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
 * returns the new plain password once, or null if there is no such active user. Every session of
 * the old password ends: the user's session epoch moves on (tokens issued before are refused), and the
 * same statement announces it to every node, whose sockets of that user close.
 */
export async function resetPassword(sql: Sql, username: string, chosen?: string): Promise<{ userId: string; password: string; sessionEpoch: number } | null> {
  const user = await findUser(sql, username);
  if (!user || user.disabledAt) return null;
  if (chosen !== undefined) assertPasswordAcceptable(chosen, user);
  const password = chosen ?? generatePassword();
  const [row] = await sql<{ id: string; session_epoch: number }[]>`
    with reset as (
      update users set password_hash = ${await hashPassword(password)}, session_epoch = session_epoch + 1, sessions_ended_at = now()
      where id = ${user.id} and disabled_at is null returning id, session_epoch
    )
    select id, session_epoch, ${notifySessionsEnded(sql, 'id', 'session_epoch')} from reset`;
  return row ? { userId: row.id, password, sessionEpoch: row.session_epoch } : null;
}
