import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { aiSystems, evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { REATTEST_WINDOW_DAYS } from '../../domain/reattestation.js';
import { buildStillValidOffer } from '../../slack/views/evidence/still-valid-offer.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { postCard } from '../notify/card-message.js';

const DAY_MS = 86_400_000;
const ROWS_PER_RUN = 20_000;

export const stillValidOfferKey = (systemId: string, ownerId: string, periodTo: string) => `still-valid-offer:${systemId}:${ownerId}:${periodTo}`;

/**
 * Answered claims whose evidence ends within REATTEST_WINDOW_DAYS: each owner is told once per system
 * and end date, with a Still valid button per claim. The card key makes a later sweep (or another
 * replica) find the offer already made.
 */
export async function offerStillValid(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const until = new Date(now.getTime() + REATTEST_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const rows = await ctx.db.select({
    id: evidenceClaims.id, systemId: evidenceClaims.systemId, ownerId: evidenceClaims.ownerId, source: evidenceClaims.source,
    requirementId: evidenceClaims.requirementId, title: evidenceClaims.title, periodTo: evidenceArtifacts.periodTo, systemName: aiSystems.name,
  }).from(evidenceClaims)
    .innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .where(and(inArray(evidenceClaims.status, ['submitted', 'reused']), gte(evidenceArtifacts.periodTo, today), lte(evidenceArtifacts.periodTo, until)))
    .orderBy(asc(evidenceClaims.systemId), asc(evidenceClaims.ownerId), asc(evidenceArtifacts.periodTo), asc(evidenceClaims.source), asc(evidenceClaims.requirementId))
    .limit(ROWS_PER_RUN);
  if (!rows.length) return 0;
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = stillValidOfferKey(r.systemId, r.ownerId, r.periodTo);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return withTransaction(ctx, async (tx) => {
    let offered = 0;
    for (const [key, claims] of groups) {
      const first = claims[0]!;
      const card = buildStillValidOffer({ systemId: first.systemId, systemName: first.systemName, ownerId: first.ownerId, periodTo: first.periodTo, claims });
      if (await postCard(tx, { key, channel: first.ownerId, card })) offered += 1;
    }
    return offered;
  });
}
