CREATE TABLE "workflow_step_runs" (
	"function_execution_id" text PRIMARY KEY NOT NULL,
	"step" text NOT NULL,
	"outputs" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
