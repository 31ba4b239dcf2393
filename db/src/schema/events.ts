import { sql } from 'drizzle-orm';
import { bigserial, bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The event log: every accepted change, append-only, ordered by `seq`. Live state is a fold of it.
 * `dedupe_key` makes retries idempotent: the same record sent twice is stored once.
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    department: text('department').notNull(),
    category: text('category').notNull(),
    entityId: text('entity_id').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** The source credential that sent it (provenance). */
    sourceId: text('source_id').notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('events_category_entity_idx').on(t.category, t.entityId, t.observedAt),
    // Replay maps a moment to the log position the wall had reached by then.
    index('events_received_at_idx').on(t.receivedAt),
  ],
);

/** The newest record per entity by observation time: what a query for "now" reads without folding the log. */
export const currentState = pgTable(
  'current_state',
  {
    category: text('category').notNull(),
    entityId: text('entity_id').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.entityId] })],
);
