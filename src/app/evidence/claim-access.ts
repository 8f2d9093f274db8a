import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, evidenceClaims } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import type { SystemRow } from '../../db/repos/systems.js';
import { forbidden, notFound } from '../errors.js';

export type ClaimRow = typeof evidenceClaims.$inferSelect;

const CLAIM_ID = /^clm_[a-z0-9]+$/;

/**
 * A claim the actor may answer: its owner's or, for a governance admin, anyone's. Button values and
 * private_metadata name the claim but are never trusted, so every click and submission comes through here.
 */
export async function loadClaimForActor(db: DbOrTx, ctx: ServiceContext, claimId: string): Promise<{ claim: ClaimRow; system: SystemRow; systemName: string }> {
  const [found] = CLAIM_ID.test(claimId)
    ? await db.select({ claim: evidenceClaims, system: aiSystems }).from(evidenceClaims)
      .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId)).where(eq(evidenceClaims.id, claimId))
    : [];
  if (!found) throw notFound('This evidence claim');
  const row = { ...found, systemName: found.system.name };
  if (row.claim.ownerId !== ctx.actor.userId && !ctx.actor.isAdmin) {
    // Plain words: an error is shown escaped in a message and as plain text under a modal field, where a mention would read as markup.
    throw forbidden('This claim is not yours: only its owner or a governance admin can answer it. Nothing was changed.');
  }
  return row;
}
