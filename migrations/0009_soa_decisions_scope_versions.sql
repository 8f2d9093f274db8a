CREATE TABLE "aims_scopes" (
	"id" text PRIMARY KEY NOT NULL,
	"statement" text NOT NULL,
	"system_ids" text[],
	"units" text[] NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soa_controls" (
	"framework" text NOT NULL,
	"control_id" text NOT NULL,
	"owner_id" text,
	"decision" text,
	"justification" text,
	"rule_outcome" text,
	"decision_id" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soa_controls_framework_control_id_pk" PRIMARY KEY("framework","control_id")
);
--> statement-breakpoint
CREATE TABLE "soa_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"framework" text NOT NULL,
	"control_id" text NOT NULL,
	"kind" text NOT NULL,
	"owner_id" text,
	"decision" text,
	"justification" text,
	"rule_outcome" text,
	"rule_justification" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soa_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"scope_id" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soa_versions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE INDEX "aims_scopes_by_recorded_at" ON "aims_scopes" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "soa_decisions_by_control" ON "soa_decisions" USING btree ("framework","control_id","decided_at");