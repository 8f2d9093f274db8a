import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, classifications } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ systemId: z.string().min(1), overrideId: z.string().min(1) });

const Entry = z.object({ id: z.string(), outcome: z.string(), from: z.unknown(), to: z.unknown(), justification: z.string(), by: z.string() });

/** One override of a system's classification: what was computed, what the admin set, who and why. */
export interface OverrideModel {
  systemId: string;
  systemName: string;
  adminId: string;
  outcome: string;
  from: string;
  to: string;
  justification: string;
}

/**
 * An override as recorded beside the classification it overrode (a later classification carries the
 * overrides it keeps, so any of the system's classifications holding the entry will do); null when gone.
 */
export async function loadOverride({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<OverrideModel | null> {
  const { systemId, overrideId } = Input.parse(input);
  const [row] = await ctx.db.select({ systemName: aiSystems.name, overrides: classifications.overrides }).from(classifications)
    .innerJoin(aiSystems, eq(aiSystems.id, classifications.systemId))
    .where(and(eq(classifications.systemId, systemId), sql`${classifications.overrides} @> ${JSON.stringify([{ id: overrideId }])}::jsonb`)).limit(1);
  const entry = z.array(z.unknown()).parse(row?.overrides ?? []).map((e) => Entry.safeParse(e)).find((e) => e.success && e.data.id === overrideId);
  if (!row || !entry?.success) return null;
  const e = entry.data;
  return { systemId, systemName: row.systemName, adminId: e.by, outcome: e.outcome, from: String(e.from), to: String(e.to), justification: e.justification };
}
