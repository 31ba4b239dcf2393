import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * People who sign in (duty officers, commanders, admins). Passwords are stored only as argon2id
 * hashes: they are low-entropy secrets, so a slow, salted hash is what protects them.
 */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'string' }),
  /**
   * Raised by a password reset: a user token carries the epoch it was issued in and is refused once
   * the user's epoch has moved on, so a reset ends every session of the old password, on every node.
   */
  sessionEpoch: integer('session_epoch').notNull().default(0),
  /** When the last reset ended the user's sessions (for the revocation sweep of every node). */
  sessionsEndedAt: timestamp('sessions_ended_at', { withTimezone: true, mode: 'string' }),
});

/** Wall kiosk tokens: only their id is kept, so a kiosk can be revoked; the token itself is a signed JWT. */
export const kioskTokens = pgTable('kiosk_tokens', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  /** When a wall last presented the token (a request, a socket handshake, or a minute on an open socket); written at most once a minute. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }),
});

/**
 * Tokens ended before their expiry (a signed-out user token), by the JWT's id (jti). A row is only
 * needed until the token would have expired anyway: rows past `expires_at` are pruned.
 */
export const revokedTokens = pgTable(
  'revoked_tokens',
  {
    jti: text('jti').primaryKey(),
    actorId: text('actor_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [index('revoked_tokens_expires_at_idx').on(t.expiresAt)],
);

/**
 * Secrets the server makes itself on first start and every node shares: the token-signing key.
 * Anyone who can read this table can also write the log, so it adds no new exposure.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/**
 * Who did what, when: every command (written in the same transaction as its log event), sign-ins
 * (successful or not) and admin actions. Append-only.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    /** What it was done to (an incident, a post, a user...), empty when nothing in particular. */
    target: text('target').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    /** The log sequence of a command's event, when there is one. */
    seq: text('seq'),
    details: jsonb('details').notNull(),
  },
  (t) => [index('audit_entries_at_idx').on(t.at)],
);
