CREATE TABLE "evidence_attestations" (
	"id" text PRIMARY KEY NOT NULL,
	"artifact_id" text NOT NULL,
	"claim_id" text NOT NULL,
	"attested_by" text NOT NULL,
	"checked_on" date NOT NULL,
	"note" text NOT NULL,
	"previous_period_to" date NOT NULL,
	"period_to" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_artifacts" ADD COLUMN "files" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_attestations_idempotency" ON "evidence_attestations" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "evidence_attestations_by_artifact" ON "evidence_attestations" USING btree ("artifact_id");