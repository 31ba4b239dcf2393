import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
});
