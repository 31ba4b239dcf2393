ALTER TABLE "department_keys" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD COLUMN "last_seen_at" timestamp with time zone;