import { sql } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Department API keys. Only a SHA-256 hash of each key is stored: keys are 256-bit random tokens,
 * so a fast hash is enough (a slow password hash protects low-entropy secrets, which these are not).
 */
export const departmentKeys = pgTable('department_keys', {
  id: text('id').primaryKey(),
  department: text('department').notNull(),
  label: text('label').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  /** When a department system last authenticated with the key (a request, a stream upgrade or a stream's re-check); written at most once a minute. */
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
});

/**
 * Every CAP message Beacon accepted, with the warning (alertId) it belongs to: an Update that
 * references only the Update before it (as CAP allows) is resolved through this to the original
 * warning, instead of starting a second one. An index beside the log, not a source of truth.
 */
export const capMessages = pgTable(
  'cap_messages',
  {
    category: text('category').notNull(),
    sender: text('sender').notNull(),
    identifier: text('identifier').notNull(),
    alertId: text('alert_id').notNull(),
    sent: timestamp('sent', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.sender, t.identifier] })],
);
