import { registerSystemStep } from '../../../app/workflow-steps/register-system-step.js';
import type { SlackDeps } from '../../deps.js';
import { runStep, type StepArgs } from './run-step.js';

/**
 * "Register an AI system": outputs the system id, its tier and primary source, and a link that opens
 * aigov in the workspace (its Home tab and `/aigov status <id>` show the record).
 */
export function handleRegisterSystemStep(deps: SlackDeps) {
  return async (args: StepArgs): Promise<void> => {
    const { body, event } = args;
    await runStep(deps, args, async (ctx) => {
      const system = await registerSystemStep({ ctx, input: { functionExecutionId: event.function_execution_id, inputs: event.inputs } });
      return { system_id: system.systemId, tier: system.tier, primary_source: system.primarySource, link: appLink(body.api_app_id, body.team_id) };
    });
  };
}

// Slack's documented redirect into an app for a workspace; works in a browser and in every client.
const appLink = (appId: string, teamId: string) => `https://slack.com/app_redirect?app=${encodeURIComponent(appId)}&team=${encodeURIComponent(teamId)}`;
