CREATE TABLE "law_exemption_claims" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"law" text NOT NULL,
	"exemption_id" text NOT NULL,
	"justification" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_id" text NOT NULL,
	"claimed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "law_exemption_claims_live" ON "law_exemption_claims" USING btree ("system_id","exemption_id") WHERE "law_exemption_claims"."status" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "law_exemption_claims_by_decision" ON "law_exemption_claims" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "law_exemption_claims_by_system" ON "law_exemption_claims" USING btree ("system_id");