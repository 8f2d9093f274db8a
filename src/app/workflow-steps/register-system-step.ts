import { inputProblem, parseRegistrationInputs } from '../../domain/workflow-step-inputs.js';
import { findSystemById } from '../../db/repos/systems.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { registerSystem } from '../intake/register-system.js';
import { runStepOnce } from './run-step-once.js';

export interface RegisterSystemStepInput {
  functionExecutionId: string;
  /** The step's inputs as Slack sent them: parsed here, like a CSV row. */
  inputs: Readonly<Record<string, unknown>>;
}

export interface RegisteredByStep { systemId: string; name: string; tier: string; primarySource: string }

/**
 * The "Register an AI system" Workflow Builder step: validates the inputs as the inventory import does,
 * registers and classifies the system (announcement, owner's evidence card) once per execution, and
 * returns what the step outputs. A repeated execution returns the first one's result.
 */
export async function registerSystemStep({ ctx, input }: { ctx: ServiceContext; input: RegisterSystemStepInput }): Promise<RegisteredByStep> {
  const parsed = parseRegistrationInputs(input.inputs);
  if (!parsed.ok) throw invalid(inputProblem(parsed));
  const facts = parsed.facts;
  return withTransaction(ctx, async (tx) => {
    const run = { functionExecutionId: input.functionExecutionId, step: 'register_system', now: ctx.now() };
    const { result } = await runStepOnce(tx, run, async () => {
      const { systemId } = await registerSystem({ ctx: { ...ctx, db: tx }, input: {
        facts, idempotencyKey: `workflow:${input.functionExecutionId}`, note: 'Registered by a Workflow Builder step.',
      } });
      const system = systemId ? await findSystemById(tx, systemId) : undefined;
      if (!system) throw new Error(`registration ${input.functionExecutionId} left no system`);
      return { systemId: system.id, name: system.name, tier: system.riskTier, primarySource: system.primarySource };
    });
    return result;
  });
}
