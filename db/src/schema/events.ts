import { sql } from 'drizzle-orm';
import { bigserial, bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Text compared byte by byte (collation "C"), for identifiers that are indexed and looked up on every
 * ingest — a category, an entity id, a dedupe key — and never sorted for a reader. Under a libc locale
 * such as the usual C.UTF-8 or en_US.UTF-8, PostgreSQL compares text through strcoll (copying both
 * strings first); under "C" it is a memcmp: probing the dedupe index for a batch's keys took about half
 * the time (50,000 probes of a 300,000-key index: 50–87 ms against 101–136 ms), and inserting into it
 * ~10% less. For UTF-8 text, byte order is code point order, the order C.UTF-8 gives too.
 * drizzle-orm has no collation option for a column, hence the custom type.
 */
const identifier = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

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
    category: identifier('category').notNull(),
    entityId: identifier('entity_id').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    dedupeKey: identifier('dedupe_key').notNull().unique(),
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
    category: identifier('category').notNull(),
    entityId: identifier('entity_id').notNull(),
    observedAt: timestamp('observed_at', { withTimezone: true, mode: 'string' }).notNull(),
    version: integer('version').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.entityId] })],
);
