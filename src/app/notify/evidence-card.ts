import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, auditEvents, evidenceClaims } from '../../db/schema/index.js';
import { refreshCards, type CardRefresh } from './card-message.js';
import { buildEvidenceCard, type HandedOverClaim } from '../../slack/views/evidence-card.js';
import { inList } from '../../db/in-list.js';

export const evidenceCardKey = (systemId: string, ownerId: string) => `evidence-card:${systemId}:${ownerId}`;

export interface EvidenceCardTarget { systemId: string; ownerId: string; notes?: string[] }

/**
 * Posts the owner's evidence card for a system the first time, and edits it in place after that, so
 * an owner sees one message per system that always shows the current state.
 */
export async function refreshEvidenceCard(tx: DbOrTx, target: EvidenceCardTarget): Promise<void> {
  await refreshEvidenceCards(tx, [target]);
}

/** Systems per round of statements: a sweep over thousands of systems holds a few hundred systems' claims at a time. */
const SYSTEMS_PER_ROUND = 200;

/**
 * refreshEvidenceCard for many (system, owner) pairs in a few statements per 200 systems, for sweeps.
 * `postNew: false` only edits cards already sent, for a change announced by a message of its own.
 */
export async function refreshEvidenceCards(tx: DbOrTx, targets: readonly EvidenceCardTarget[], opts: { postNew?: boolean } = {}): Promise<void> {
  const systemIds = [...new Set(targets.map((t) => t.systemId))];
  for (let i = 0; i < systemIds.length; i += SYSTEMS_PER_ROUND) {
    const round = new Set(systemIds.slice(i, i + SYSTEMS_PER_ROUND));
    await refreshRound(tx, [...round], targets.filter((t) => round.has(t.systemId)), opts.postNew ?? true);
  }
}

async function refreshRound(tx: DbOrTx, systemIds: string[], targets: readonly EvidenceCardTarget[], postNew: boolean): Promise<void> {
  const names = new Map((await tx.select({ id: aiSystems.id, name: aiSystems.name }).from(aiSystems).where(inList(aiSystems.id, systemIds))).map((s) => [s.id, s.name]));
  const claims = await tx.select().from(evidenceClaims).where(inList(evidenceClaims.systemId, systemIds))
    .orderBy(asc(evidenceClaims.dueAt), asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  const claimsOf = new Map<string, typeof claims>();
  for (const c of claims) {
    const list = claimsOf.get(c.systemId);
    if (list) list.push(c);
    else claimsOf.set(c.systemId, [c]);
  }
  const handedOverBy = await loadHandOvers(tx, claims);

  const cards: CardRefresh[] = [];
  for (const t of targets) {
    const systemName = names.get(t.systemId);
    if (systemName === undefined) continue;
    const ofSystem = claimsOf.get(t.systemId) ?? [];
    const owned = ofSystem.filter((c) => c.ownerId === t.ownerId);
    const handedOver: HandedOverClaim[] = ofSystem
      .filter((c) => c.ownerId !== t.ownerId && handedOverBy.get(c.id)?.has(t.ownerId))
      .sort((a, b) => a.source.localeCompare(b.source) || a.requirementId.localeCompare(b.requirementId))
      .map(({ source, requirementId, title, ownerId }) => ({ source, requirementId, title, ownerId }));
    const card = buildEvidenceCard({ systemId: t.systemId, systemName, ownerId: t.ownerId, claims: owned, handedOver, ...(t.notes ? { notes: t.notes } : {}) });
    const key = evidenceCardKey(t.systemId, t.ownerId);
    // Nothing owed and never told: say nothing. Told before (all reassigned away): edit that card.
    cards.push(owned.length && postNew ? { key, channel: t.ownerId, card, postIfNew: true } : { key, card, postIfNew: false });
  }
  await refreshCards(tx, cards);
}

/**
 * Who once held each claim and reassigned it: the audit trail is the record of who handed what to whom,
 * and the claim says who has it now.
 */
async function loadHandOvers(tx: DbOrTx, claims: readonly { id: string }[]): Promise<Map<string, Set<string>>> {
  const handed = new Map<string, Set<string>>();
  if (!claims.length) return handed;
  const rows = await tx.selectDistinct({ claimId: auditEvents.subjectId, from: sql<string>`${auditEvents.before}->>'ownerId'` }).from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'evidence_claim'), eq(auditEvents.action, 'evidence.reassigned'), inList(auditEvents.subjectId, claims.map((c) => c.id))));
  for (const r of rows) handed.set(r.claimId, (handed.get(r.claimId) ?? new Set()).add(r.from));
  return handed;
}
