CREATE TABLE "cap_messages" (
	"category" text NOT NULL,
	"sender" text NOT NULL,
	"identifier" text NOT NULL,
	"alert_id" text NOT NULL,
	"sent" timestamp with time zone NOT NULL,
	CONSTRAINT "cap_messages_category_sender_identifier_pk" PRIMARY KEY("category","sender","identifier")
);
