CREATE TABLE "ai_systems" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"owner_id" text NOT NULL,
	"lifecycle_stage" text NOT NULL,
	"operator_role" text NOT NULL,
	"eu_nexus" boolean NOT NULL,
	"data_categories" text[] NOT NULL,
	"prohibited_practice" text,
	"annex_i_product" boolean NOT NULL,
	"annex_iii_point" text,
	"art6_3_condition" text,
	"profiling" boolean NOT NULL,
	"transparency" text[] NOT NULL,
	"supplier" text,
	"human_oversight" text,
	"monitoring_signal" text,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"risk_tier" text NOT NULL,
	"work_kind" text NOT NULL,
	"primary_source" text NOT NULL,
	"current_classification_id" text,
	"reviewer_id" text,
	"approver_id" text,
	"cadence_days" integer,
	"next_review_at" timestamp with time zone,
	"announcement_channel" text,
	"announcement_ts" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"facts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"system_id" text,
	"requester_id" text NOT NULL,
	"summary" text NOT NULL,
	"facts" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"serious_incident" boolean,
	"via" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "classifications" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"request_id" text,
	"computed" jsonb NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"source" text NOT NULL,
	"requirement_id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "requirements_source_requirement_id_pk" PRIMARY KEY("source","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_artifacts" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"kind" text NOT NULL,
	"links" text[] NOT NULL,
	"description" text NOT NULL,
	"evidence_date" date NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"criteria_met" boolean NOT NULL,
	"conditions" jsonb NOT NULL,
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_claims" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"source" text NOT NULL,
	"requirement_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"reason" text NOT NULL,
	"owner_id" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"review_trigger" text NOT NULL,
	"reuse_permission" text NOT NULL,
	"artifact_id" text,
	"stale_reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"review_id" text,
	"scope" text NOT NULL,
	"assumption" text,
	"risk_or_obligation" text NOT NULL,
	"owner_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" text PRIMARY KEY NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"system_id" text NOT NULL,
	"level" integer NOT NULL,
	"cycle_key" text NOT NULL,
	"outcome" text NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"snoozed_until" timestamp with time zone,
	"snooze_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exceptions" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"claim_id" text,
	"review_id" text,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"accepted_by" text,
	"accepted_until" timestamp with time zone,
	"rationale" text,
	"action_owner_id" text,
	"action_due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_reminders" (
	"owner_id" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_reason" text NOT NULL,
	"result" text,
	"exceptions_found" text,
	"corrective_action" text,
	"next_owner_id" text,
	"next_review_at" timestamp with time zone,
	"reviewer_id" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutory_deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"system_id" text,
	"request_id" text,
	"ref" text NOT NULL,
	"label" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"origin" jsonb NOT NULL,
	CONSTRAINT "audit_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"result_channel" text,
	"result_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "slack_messages" (
	"key" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"ts" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"period_key" text NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_job_period_key_pk" PRIMARY KEY("job","period_key")
);
--> statement-breakpoint
CREATE TABLE "user_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"tz" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"requester_id" text NOT NULL,
	"kind" text NOT NULL,
	"facts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ai_systems_name_unique" ON "ai_systems" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "ai_systems_by_owner" ON "ai_systems" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "ai_systems_by_next_review" ON "ai_systems" USING btree ("next_review_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intake_requests_idempotency" ON "intake_requests" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "intake_requests_by_system" ON "intake_requests" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "intake_requests_by_requester" ON "intake_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "classifications_by_system" ON "classifications" USING btree ("system_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_artifacts_idempotency" ON "evidence_artifacts" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "evidence_artifacts_by_system" ON "evidence_artifacts" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_claims_one_per_requirement" ON "evidence_claims" USING btree ("system_id","source","requirement_id");--> statement-breakpoint
CREATE INDEX "evidence_claims_by_owner_status" ON "evidence_claims" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "evidence_claims_by_status_due" ON "evidence_claims" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "decisions_by_system" ON "decisions" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "decisions_by_status" ON "decisions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_once_per_item_level_cycle" ON "escalations" USING btree ("item_kind","item_id","level","cycle_key");--> statement-breakpoint
CREATE INDEX "exceptions_by_status" ON "exceptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "exceptions_by_system" ON "exceptions" USING btree ("system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_reminders_once_a_day" ON "owner_reminders" USING btree ("owner_id","day","kind");--> statement-breakpoint
CREATE INDEX "reviews_by_status_due" ON "reviews" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "reviews_by_system" ON "reviews" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "statutory_deadlines_by_status_due" ON "statutory_deadlines" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "audit_events_by_at" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_by_subject" ON "audit_events" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_idempotency" ON "outbox_messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_messages_due" ON "outbox_messages" USING btree ("status","next_attempt_at");