import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, decisions } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ decisionId: z.string().min(1) });

/** A decision and its system's name, as its card shows them; null when it is gone. */
export async function loadDecisionCard({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { decisionId } = Input.parse(input);
  const [row] = await ctx.db.select({ decision: decisions, systemName: aiSystems.name }).from(decisions)
    .innerJoin(aiSystems, eq(aiSystems.id, decisions.systemId)).where(eq(decisions.id, decisionId));
  return row ?? null;
}
