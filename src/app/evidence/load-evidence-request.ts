import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, evidenceClaims } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ claimId: z.string().min(1) });

export interface EvidenceRequestModel {
  claimId: string; systemId: string; systemName: string; source: string; requirementId: string; title: string; ownerId: string;
}

/** The claim an evidence request named, with its system's name; null when either is gone. */
export async function loadEvidenceRequest({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<EvidenceRequestModel | null> {
  const { claimId } = Input.parse(input);
  const [row] = await ctx.db.select({
    claimId: evidenceClaims.id, systemId: evidenceClaims.systemId, systemName: aiSystems.name, source: evidenceClaims.source,
    requirementId: evidenceClaims.requirementId, title: evidenceClaims.title, ownerId: evidenceClaims.ownerId,
  }).from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId)).where(eq(evidenceClaims.id, claimId));
  return row ?? null;
}
