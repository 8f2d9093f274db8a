import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { REATTEST_WINDOW_DAYS } from '../../domain/reattestation.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { enqueueEvents } from '../events/enqueue-event.js';

const DAY_MS = 86_400_000;
const ROWS_PER_RUN = 20_000;

export const stillValidOfferKey = cardKeys.stillValidOffer;

/**
 * Answered claims whose evidence ends within REATTEST_WINDOW_DAYS: each owner is told once per system
 * and end date, with a Still valid button per claim. The card key makes a later sweep (or another
 * replica) find the offer already made.
 */
export async function offerStillValid(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const until = new Date(now.getTime() + REATTEST_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const rows = await ctx.db.select({ systemId: evidenceClaims.systemId, ownerId: evidenceClaims.ownerId, periodTo: evidenceArtifacts.periodTo }).from(evidenceClaims)
    .innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .where(and(inArray(evidenceClaims.status, ['submitted', 'reused']), gte(evidenceArtifacts.periodTo, today), lte(evidenceArtifacts.periodTo, until)))
    .orderBy(asc(evidenceClaims.systemId), asc(evidenceClaims.ownerId), asc(evidenceArtifacts.periodTo), asc(evidenceClaims.source), asc(evidenceClaims.requirementId))
    .limit(ROWS_PER_RUN);
  if (!rows.length) return 0;
  const offers = new Map(rows.map((r) => [stillValidOfferKey(r.systemId, r.ownerId, r.periodTo), r]));
  // Each offer lists the claims as they stand when it is delivered (one re-attested meanwhile drops out).
  return withTransaction(ctx, async (tx) => (await enqueueEvents(tx, null, [...offers].map(([card, { systemId, ownerId, periodTo }]) => ({
    event: { kind: 'evidence.still-valid-offer.v1' as const, body: { systemId, ownerId, periodTo } }, key: outboxKeys.post(card), card,
  })))).size);
}
