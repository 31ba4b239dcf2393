CREATE TABLE "state_snapshots" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" jsonb NOT NULL
);
