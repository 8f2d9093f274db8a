CREATE TABLE "canvas_availability" (
	"scope" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"method" text NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_canvases" (
	"key" text PRIMARY KEY NOT NULL,
	"canvas_id" text NOT NULL,
	"channel" text,
	"url" text,
	"section_digests" jsonb NOT NULL,
	"shared_with" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
