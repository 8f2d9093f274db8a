import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { workflowStepRuns } from '../../db/schema/index.js';

export type StepOutcome<T> = { repeated: false; result: T } | { repeated: true; result: T };

/**
 * Runs one Workflow Builder step execution's change at most once. The execution id is claimed inside the
 * caller's transaction, before the change: a second delivery of the same execution (a retry, or two
 * replicas at once) waits on the key, then finds the first one's result and returns it unchanged. A
 * change that fails rolls the claim back with it, so a retry is judged afresh.
 */
export async function runStepOnce<T>(tx: Tx, run: { functionExecutionId: string; step: string; now: Date }, change: () => Promise<T>): Promise<StepOutcome<T>> {
  const claimed = await tx.insert(workflowStepRuns).values({ functionExecutionId: run.functionExecutionId, step: run.step, createdAt: run.now })
    .onConflictDoNothing({ target: workflowStepRuns.functionExecutionId }).returning({ id: workflowStepRuns.functionExecutionId });
  if (!claimed.length) {
    const [earlier] = await tx.select().from(workflowStepRuns).where(eq(workflowStepRuns.functionExecutionId, run.functionExecutionId));
    if (earlier?.step !== run.step) throw new Error(`execution ${run.functionExecutionId} already ran step ${earlier?.step ?? '?'}`);
    return { repeated: true, result: earlier.outputs as T };
  }
  const result = await change();
  await tx.update(workflowStepRuns).set({ outputs: result as object, finishedAt: run.now }).where(eq(workflowStepRuns.functionExecutionId, run.functionExecutionId));
  return { repeated: false, result };
}
