import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/**
 * One row per Workflow Builder step execution that changed something. The primary key is Slack's
 * function_execution_id, written in the same transaction as the change: a repeated `function_executed`
 * for the same execution finds the row and answers the outputs stored here instead of acting twice.
 */
export const workflowStepRuns = pgTable('workflow_step_runs', {
  functionExecutionId: text('function_execution_id').primaryKey(),
  step: text('step').notNull(),
  outputs: jsonb('outputs'),
  createdAt: createdAt(),
  finishedAt: instant('finished_at'),
});
