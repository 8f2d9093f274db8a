CREATE TABLE "escalation_cards" (
	"key" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"level" integer NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"item_refs" text[] NOT NULL,
	"items" jsonb NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"snoozed_by" text,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"reassigned_by" text,
	"reassigned_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "changes" text;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "corrective_action" text;--> statement-breakpoint
CREATE INDEX "escalation_cards_by_item" ON "escalation_cards" USING gin ("item_refs");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_once_per_due" ON "reviews" USING btree ("system_id","due_reason","due_at");