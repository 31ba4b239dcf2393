-- Identifiers compared byte by byte (see `identifier` in src/schema/events.ts). One ALTER per table, so
-- each index on these columns is rebuilt once.
ALTER TABLE "current_state" ALTER COLUMN "category" SET DATA TYPE text COLLATE "C", ALTER COLUMN "entity_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "category" SET DATA TYPE text COLLATE "C", ALTER COLUMN "entity_id" SET DATA TYPE text COLLATE "C", ALTER COLUMN "dedupe_key" SET DATA TYPE text COLLATE "C";
