CREATE TABLE "current_state" (
	"category" text NOT NULL,
	"entity_id" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	"seq" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "current_state_category_entity_id_pk" PRIMARY KEY("category","entity_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"department" text NOT NULL,
	"category" text NOT NULL,
	"entity_id" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dedupe_key" text NOT NULL,
	"source_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "department_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"department" text NOT NULL,
	"label" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "department_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE INDEX "events_category_entity_idx" ON "events" USING btree ("category","entity_id","observed_at");