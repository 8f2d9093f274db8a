import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ claimId: z.string().min(1), artifactId: z.string().min(1).optional() });

type Artifact = typeof evidenceArtifacts.$inferSelect;

/** What a thread note about a claim names: the system, the claim and, when it was answered, the artifact. */
export interface ClaimNoteModel {
  systemId: string;
  systemName: string;
  claim: { source: string; requirementId: string; title: string };
  artifact: Artifact | null;
}

/** The claim (and artifact) a note is about, as they stand now; null when the claim or the artifact is gone. */
export async function loadClaimNote({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<ClaimNoteModel | null> {
  const { claimId, artifactId } = Input.parse(input);
  const [row] = await ctx.db.select({ claim: { source: evidenceClaims.source, requirementId: evidenceClaims.requirementId, title: evidenceClaims.title }, systemId: aiSystems.id, systemName: aiSystems.name })
    .from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId)).where(eq(evidenceClaims.id, claimId));
  if (!row) return null;
  const [artifact] = artifactId ? await ctx.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, artifactId)) : [];
  if (artifactId && !artifact) return null;
  return { ...row, artifact: artifact ?? null };
}
