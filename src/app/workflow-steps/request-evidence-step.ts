import { z } from 'zod';
import { localDate } from '../../domain/calendar-dates.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { requestEvidence, type EvidenceRequested } from '../evidence/request-evidence.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { runStepOnce } from './run-step-once.js';

const requiredText = z.string({ message: 'is required' }).trim().min(1, 'is required').max(200, 'at most 200 characters');

/**
 * The "Request evidence" step's inputs. A date variable arrives as YYYY-MM-DD; a timestamp variable
 * (Unix seconds) is read as its date in the workspace's time zone.
 */
const RequestEvidenceInputs = (tz: string) => z.object({
  system: requiredText,
  requirement: requiredText,
  owner: SlackUserId,
  due_date: z.union([
    z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)'),
    z.number().int().positive().transform((seconds) => localDate(new Date(seconds * 1000), tz)),
  ], { message: 'must be a date (YYYY-MM-DD)' }),
});

export interface RequestEvidenceStepInput {
  functionExecutionId: string;
  inputs: Readonly<Record<string, unknown>>;
}

/** The "Request evidence" Workflow Builder step: once per execution, a repeat returns the first result. */
export async function requestEvidenceStep({ ctx, input }: { ctx: ServiceContext; input: RequestEvidenceStepInput }): Promise<EvidenceRequested> {
  const parsed = RequestEvidenceInputs(ctx.policy.timeZone).safeParse(input.inputs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`Input "${String(issue.path[0] ?? 'inputs')}": ${issue.message.replace(/^Invalid input.*$/, 'is required')}.`);
  }
  const { system, requirement, owner, due_date: dueDate } = parsed.data;
  return withTransaction(ctx, async (tx) => {
    const run = { functionExecutionId: input.functionExecutionId, step: 'request_evidence', now: ctx.now() };
    const { result } = await runStepOnce(tx, run, () => requestEvidence({ ctx: { ...ctx, db: tx }, input: {
      system, requirement, ownerId: owner, dueDate, idempotencyKey: `workflow:${input.functionExecutionId}`,
    } }));
    return result;
  });
}
