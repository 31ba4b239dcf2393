import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counters shared by every node (server/src/rate-limits/postgres-store.ts): one row per limited key
 * (a department, an address, a user name) and fixed window. The migration creates it UNLOGGED —
 * drizzle has no word for that: counters are worth no WAL, and after a crash an empty table only
 * means a fresh window. Rows whose window has ended are swept.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('rate_limit_counters_window_ends_at_idx').on(t.windowEndsAt)],
);
