import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  auditEvents, classifications, decisions, escalations, evidenceArtifacts, evidenceClaims, exceptions, intakeRequests, reviews, statutoryDeadlines,
} from '../schema/index.js';
import type { SystemRow } from './systems.js';
import { catalogOrder } from '../../domain/catalog/index.js';
import type { Source } from '../../domain/vocabulary.js';

/** Everything recorded about one system except its audit trail (which is paged: it only grows). */
export async function loadSystemRecord(db: DbOrTx, system: SystemRow) {
  const id = system.id;
  const [requests, classificationHistory, claims, decisionRows, reviewRows, exceptionRows, deadlines, escalationRows] = await Promise.all([
    db.select().from(intakeRequests).where(eq(intakeRequests.systemId, id)).orderBy(asc(intakeRequests.createdAt)),
    db.select().from(classifications).where(eq(classifications.systemId, id)).orderBy(desc(classifications.createdAt)),
    db.select({ claim: evidenceClaims, artifact: evidenceArtifacts }).from(evidenceClaims)
      .leftJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
      .where(eq(evidenceClaims.systemId, id)),
    db.select().from(decisions).where(eq(decisions.systemId, id)).orderBy(asc(decisions.createdAt)),
    db.select().from(reviews).where(eq(reviews.systemId, id)).orderBy(asc(reviews.dueAt)),
    db.select().from(exceptions).where(eq(exceptions.systemId, id)).orderBy(asc(exceptions.createdAt)),
    db.select().from(statutoryDeadlines).where(eq(statutoryDeadlines.systemId, id)).orderBy(asc(statutoryDeadlines.dueAt)),
    db.select({ id: escalations.id }).from(escalations).where(eq(escalations.systemId, id)),
  ]);
  // Every record the system's audit events can be about: ids are prefixed and unique across tables.
  const subjectIds = [
    id, ...requests.map((r) => r.id), ...classificationHistory.map((c) => c.id), ...claims.map((c) => c.claim.id),
    ...claims.flatMap((c) => (c.artifact ? [c.artifact.id] : [])), ...decisionRows.map((d) => d.id), ...reviewRows.map((r) => r.id),
    ...exceptionRows.map((e) => e.id), ...deadlines.map((d) => d.id), ...escalationRows.map((e) => e.id),
  ];
  // Catalog order (ISO clauses and controls, NIST subcategories, EU articles by number), not text order: Art. 4 before Art. 10.
  claims.sort((a, b) => catalogOrder(a.claim.source as Source, a.claim.requirementId) - catalogOrder(b.claim.source as Source, b.claim.requirementId));
  return { system, requests, classificationHistory, claims, decisions: decisionRows, reviews: reviewRows, exceptions: exceptionRows, deadlines, subjectIds: [...new Set(subjectIds)] };
}
export type SystemRecord = Awaited<ReturnType<typeof loadSystemRecord>>;

/** The audit events about any of these records, oldest first, a page at a time. */
export async function* auditEventsAbout(db: DbOrTx, subjectIds: string[], pageSize = 500) {
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditEvents)
      .where(and(inArray(auditEvents.subjectId, subjectIds), gt(auditEvents.seq, after)))
      .orderBy(asc(auditEvents.seq)).limit(pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}
