import { and, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, evidenceClaims, exceptions, reviews, statutoryDeadlines, escalations } from '../../db/schema/index.js';
import { inList } from '../../db/in-list.js';
import { byCodePoint } from '../../domain/ordering.js';
import { OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

export type OverdueKind = 'review' | 'evidence' | 'exception' | 'statutory';

/** Anything with a date that can be overdue, in one shape for the escalation ladder. */
export interface OverdueItem {
  kind: OverdueKind;
  id: string;
  systemId: string;
  systemName: string;
  ownerId: string;
  tier: string;
  dueAt: Date;
  acceptedUntil: Date | null;
  what: string;
}

/**
 * Open items due by `now`, with the system they belong to. Closed items never come back. `only` narrows
 * to the items of these ids (a reminder drawn at delivery: those of its items still overdue).
 */
export async function loadOverdueItems(db: DbOrTx, now: Date, only?: readonly string[]): Promise<OverdueItem[]> {
  const sys = { systemName: aiSystems.name, tier: aiSystems.riskTier };
  const among = (column: Parameters<typeof inList>[0]) => (only ? inList(column, only) : undefined);
  // A review is the reviewer's to do; an exception is its action owner's once someone has been named.
  const reviewRows = await db.select({ id: reviews.id, systemId: reviews.systemId, ownerId: sql<string>`coalesce(${reviews.reviewerId}, ${aiSystems.ownerId})`, dueAt: reviews.dueAt, reason: reviews.dueReason, ...sys })
    .from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
    .where(and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), lte(reviews.dueAt, now), among(reviews.id)));
  const claimRows = await db.select({ id: evidenceClaims.id, systemId: evidenceClaims.systemId, ownerId: evidenceClaims.ownerId, dueAt: evidenceClaims.dueAt,
    source: evidenceClaims.source, requirementId: evidenceClaims.requirementId, ...sys })
    .from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .where(and(inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]), lte(evidenceClaims.dueAt, now), among(evidenceClaims.id)));
  // An exception is due on its own date while open, on the corrective action's date, or when an acceptance expires.
  const exceptionRows = await db.select({ id: exceptions.id, systemId: exceptions.systemId, ownerId: aiSystems.ownerId, status: exceptions.status, dueAt: exceptions.dueAt,
    actionDueAt: exceptions.actionDueAt, actionOwnerId: exceptions.actionOwnerId, acceptedUntil: exceptions.acceptedUntil, reason: exceptions.reason, ...sys })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId))
    .where(and(among(exceptions.id), or(
      and(eq(exceptions.status, 'open'), lte(exceptions.dueAt, now)),
      and(eq(exceptions.status, 'corrective_action'), isNotNull(exceptions.actionDueAt), lte(exceptions.actionDueAt, now)),
      and(eq(exceptions.status, 'risk_accepted'), isNotNull(exceptions.acceptedUntil), lte(exceptions.acceptedUntil, now)),
    )));
  const statutoryRows = await db.select({ id: statutoryDeadlines.id, systemId: statutoryDeadlines.systemId, ownerId: aiSystems.ownerId, dueAt: statutoryDeadlines.dueAt,
    ref: statutoryDeadlines.ref, label: statutoryDeadlines.label, ...sys })
    .from(statutoryDeadlines).innerJoin(aiSystems, eq(aiSystems.id, statutoryDeadlines.systemId))
    .where(and(eq(statutoryDeadlines.status, 'open'), lte(statutoryDeadlines.dueAt, now), among(statutoryDeadlines.id)));

  const items: OverdueItem[] = [
    ...reviewRows.map((r) => ({ kind: 'review' as const, id: r.id, systemId: r.systemId, systemName: r.systemName, ownerId: r.ownerId, tier: r.tier, dueAt: r.dueAt, acceptedUntil: null,
      what: r.reason === 'cadence' ? 'scheduled review' : `review after change (${r.reason.replace(/_/g, ' ')})` })),
    ...claimRows.map((c) => ({ kind: 'evidence' as const, id: c.id, systemId: c.systemId, systemName: c.systemName, ownerId: c.ownerId, tier: c.tier, dueAt: c.dueAt, acceptedUntil: null,
      what: `${c.source} ${c.requirementId}` })),
    ...exceptionRows.map((e) => ({ kind: 'exception' as const, id: e.id, systemId: e.systemId, systemName: e.systemName, tier: e.tier,
      ownerId: e.actionOwnerId ?? e.ownerId,
      dueAt: e.status === 'corrective_action' && e.actionDueAt ? e.actionDueAt : e.dueAt,
      acceptedUntil: e.status === 'risk_accepted' ? e.acceptedUntil : null,
      what: e.status === 'corrective_action' ? `corrective action for exception: ${e.reason}` : e.status === 'risk_accepted' ? `risk acceptance expired: ${e.reason}` : `open exception: ${e.reason}` })),
    ...statutoryRows.map((s) => ({ kind: 'statutory' as const, id: s.id, systemId: s.systemId!, systemName: s.systemName, ownerId: s.ownerId, tier: s.tier, dueAt: s.dueAt, acceptedUntil: null,
      what: `LEGAL DEADLINE ${s.ref}: ${s.label}` })),
  ];
  return items.sort((a, b) => byCodePoint(a.kind, b.kind) || byCodePoint(a.id, b.id));
}

/** What has already been posted or snoozed for these items, so each step goes out once. */
export async function loadEscalationHistory(db: DbOrTx, items: OverdueItem[]) {
  if (!items.length) return new Map<string, { steps: Map<string, Set<string>>; snoozedUntil: Date | null }>();
  const ids = items.map((i) => i.id);
  const history = new Map<string, { steps: Map<string, Set<string>>; snoozedUntil: Date | null }>();
  for (let i = 0; i < ids.length; i += 20_000) {
    const rows = await db.select({ itemId: escalations.itemId, level: escalations.level, cycleKey: escalations.cycleKey, snoozedUntil: escalations.snoozedUntil })
      .from(escalations).where(inList(escalations.itemId, ids.slice(i, i + 20_000)));
    for (const r of rows) {
      const h = history.get(r.itemId) ?? { steps: new Map(), snoozedUntil: null };
      const set = h.steps.get(r.cycleKey) ?? new Set<string>();
      set.add(String(r.level));
      h.steps.set(r.cycleKey, set);
      if (r.snoozedUntil && (!h.snoozedUntil || r.snoozedUntil > h.snoozedUntil)) h.snoozedUntil = r.snoozedUntil;
      history.set(r.itemId, h);
    }
  }
  return history;
}

