import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ systemId: z.string().min(1), ownerId: z.string().min(1), periodTo: z.string().min(1) });

/**
 * The owner's answered claims on a system whose evidence ends on `periodTo`, as a Still valid offer lists
 * them now; null when the system is gone.
 */
export async function loadStillValidOffer({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { systemId, ownerId, periodTo } = Input.parse(input);
  const [system] = await ctx.db.select({ name: aiSystems.name }).from(aiSystems).where(eq(aiSystems.id, systemId));
  if (!system) return null;
  const claims = await ctx.db.select({ id: evidenceClaims.id, source: evidenceClaims.source, requirementId: evidenceClaims.requirementId, title: evidenceClaims.title })
    .from(evidenceClaims).innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .where(and(eq(evidenceClaims.systemId, systemId), eq(evidenceClaims.ownerId, ownerId), inArray(evidenceClaims.status, ['submitted', 'reused']), eq(evidenceArtifacts.periodTo, periodTo)))
    .orderBy(asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  return { systemId, systemName: system.name, ownerId, periodTo, claims };
}
