import { requestEvidenceStep } from '../../../app/workflow-steps/request-evidence-step.js';
import type { SlackDeps } from '../../deps.js';
import { runStep, type StepArgs } from './run-step.js';

/** "Request evidence": outputs the claim asked for, its system, requirement and due date. */
export function handleRequestEvidenceStep(deps: SlackDeps) {
  return async (args: StepArgs): Promise<void> => {
    const { event } = args;
    await runStep(deps, args, async (ctx) => {
      const claim = await requestEvidenceStep({ ctx, input: { functionExecutionId: event.function_execution_id, inputs: event.inputs } });
      return { claim_id: claim.claimId, system_id: claim.systemId, requirement: `${claim.requirementId} — ${claim.title}`, due_date: claim.dueDate };
    });
  };
}
