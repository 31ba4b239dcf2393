import { sql } from 'drizzle-orm';
import { bigint, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * Reduced live state at a log position, taken periodically, so that neither a restart nor a
 * replay folds the whole log: state at seq = snapshot + the events after it.
 */
export const stateSnapshots = pgTable('state_snapshots', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  takenAt: timestamp('taken_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  state: jsonb('state').notNull(),
});
