import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ exceptionId: z.string().min(1) });

/** An exception and its system, as its card and its risk notices show them; null when it is gone. */
export async function loadExceptionCard({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { exceptionId } = Input.parse(input);
  const [row] = await ctx.db.select({ exception: exceptions, system: { id: aiSystems.id, name: aiSystems.name, ownerId: aiSystems.ownerId, riskTier: aiSystems.riskTier } })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(eq(exceptions.id, exceptionId));
  return row ?? null;
}
