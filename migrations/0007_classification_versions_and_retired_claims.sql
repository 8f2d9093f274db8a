ALTER TABLE "classifications" ADD COLUMN "versions" jsonb;--> statement-breakpoint
ALTER TABLE "classifications" ADD COLUMN "replaces" text;--> statement-breakpoint
ALTER TABLE "classifications" ADD COLUMN "change" jsonb;--> statement-breakpoint
ALTER TABLE "evidence_claims" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "evidence_claims" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "classifications_by_version" ON "classifications" USING btree ("rules_version");