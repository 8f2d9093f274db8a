import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { AppError } from '../../../app/errors.js';
import { WORKFLOW_ACTOR_ID, type ServiceContext } from '../../../app/context.js';
import { SlackUserId } from '../../../domain/system-facts.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { correlationId } from '../../error-reporting.js';

export type StepArgs = SlackEventMiddlewareArgs<'function_executed'> & AllMiddlewareArgs;

/** The optional input a workflow author maps to "Person who used this workflow": the audit names them. */
export const RUNNER_INPUT = 'requested_by';

/**
 * Runs a step's verb and ends the step in Slack: `functions.completeSuccess` with the outputs, or
 * `functions.completeError` with a plain reason. Bolt's complete/fail call Slack with the execution's
 * own token (the event's bot_access_token), as Slack requires. A repeated execution answers again with
 * the first outputs; Slack refusing a second completion (execution_not_in_running_state) is only logged.
 */
export async function runStep(deps: SlackDeps, args: StepArgs, work: (ctx: ServiceContext) => Promise<Record<string, unknown>>): Promise<void> {
  const { event, complete, fail } = args;
  const runner = SlackUserId.safeParse(event.inputs[RUNNER_INPUT]);
  const ctx = contextFor(deps, runner.success ? runner.data : WORKFLOW_ACTOR_ID, {
    via: 'slack', surface: 'workflow_step', workflowStep: event.function.callback_id,
    functionExecutionId: event.function_execution_id, workflowExecutionId: event.workflow_execution_id,
  });
  let ending: { outputs: Record<string, unknown> } | { error: string };
  try {
    ending = { outputs: await work(ctx) };
  } catch (err) {
    ending = { error: reasonFor(err, ctx) };
  }
  try {
    if ('outputs' in ending) await complete({ outputs: ending.outputs });
    else await fail({ error: ending.error });
  } catch (err) {
    ctx.logger.warn({ err, functionExecutionId: event.function_execution_id }, 'Slack did not accept the end of the workflow step');
  }
}

function reasonFor(err: unknown, ctx: ServiceContext): string {
  if (err instanceof AppError) {
    ctx.logger.warn({ code: err.code, msg: err.message }, 'workflow step refused');
    return `${err.message} Nothing was changed.`;
  }
  const ref = correlationId();
  ctx.logger.error({ ref, err }, 'workflow step failed');
  return `aigov could not finish this step and nothing was changed. If it happens again, give this reference to your aigov admin: ${ref}`;
}
