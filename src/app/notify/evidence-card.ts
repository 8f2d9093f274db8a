import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, auditEvents, evidenceClaims } from '../../db/schema/index.js';
import { postOrUpdateCard, updateCard } from './card-message.js';
import { buildEvidenceCard, type HandedOverClaim } from '../../slack/views/evidence-card.js';

export const evidenceCardKey = (systemId: string, ownerId: string) => `evidence-card:${systemId}:${ownerId}`;

/**
 * Posts the owner's evidence card for a system the first time, and edits it in place after that, so
 * an owner sees one message per system that always shows the current state.
 */
export async function refreshEvidenceCard(tx: DbOrTx, args: { systemId: string; ownerId: string; notes?: string[] }): Promise<void> {
  const [system] = await tx.select({ name: aiSystems.name }).from(aiSystems).where(eq(aiSystems.id, args.systemId));
  if (!system) return;
  const claims = await tx.select().from(evidenceClaims)
    .where(and(eq(evidenceClaims.systemId, args.systemId), eq(evidenceClaims.ownerId, args.ownerId)))
    .orderBy(asc(evidenceClaims.dueAt), asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  const handedOver = await loadHandedOver(tx, args.systemId, args.ownerId);
  const card = buildEvidenceCard({ systemId: args.systemId, systemName: system.name, ownerId: args.ownerId, claims, handedOver, ...(args.notes ? { notes: args.notes } : {}) });
  const key = evidenceCardKey(args.systemId, args.ownerId);
  // Nothing owed and never told: say nothing. Told before (all reassigned away): edit that card.
  if (!claims.length) await updateCard(tx, { key, card });
  else await postOrUpdateCard(tx, { key, channel: args.ownerId, card });
}

/**
 * Claims of the system this owner once held and reassigned: the audit trail is the record of who handed
 * what to whom, and the claim says who has it now.
 */
async function loadHandedOver(tx: DbOrTx, systemId: string, ownerId: string): Promise<HandedOverClaim[]> {
  const others = await tx.select({ id: evidenceClaims.id, source: evidenceClaims.source, requirementId: evidenceClaims.requirementId, title: evidenceClaims.title, ownerId: evidenceClaims.ownerId })
    .from(evidenceClaims).where(and(eq(evidenceClaims.systemId, systemId), ne(evidenceClaims.ownerId, ownerId)))
    .orderBy(asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  if (!others.length) return [];
  const handed = await tx.selectDistinct({ claimId: auditEvents.subjectId }).from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'evidence_claim'), eq(auditEvents.action, 'evidence.reassigned'),
      inArray(auditEvents.subjectId, others.map((c) => c.id)), sql`${auditEvents.before}->>'ownerId' = ${ownerId}`));
  const ids = new Set(handed.map((h) => h.claimId));
  return others.filter((c) => ids.has(c.id)).map(({ source, requirementId, title, ownerId: now }) => ({ source, requirementId, title, ownerId: now }));
}
