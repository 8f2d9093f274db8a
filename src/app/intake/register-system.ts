import { eq } from 'drizzle-orm';
import { classifyIntake } from '../../domain/classify-intake.js';
import { CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY } from '../../domain/catalog/versions.js';
import { nextReviewDue } from '../../domain/review-cadence.js';
import type { SystemFacts } from '../../domain/system-facts.js';
import { aiSystems, classifications, evidenceClaims, exceptions, intakeRequests, intakeDrafts } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { findSystemByName } from '../../db/repos/systems.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { refreshEvidenceCard } from '../evidence/evidence-card.js';

const DAY_MS = 86_400_000;

export interface RegisterSystemInput {
  facts: SystemFacts;
  /** Same key ⇒ same registration: a Slack retry or a double click registers once. */
  idempotencyKey: string;
  note?: string | null;
  draftId?: string;
  /** Announce in the intake channel (default); a bulk import posts one summary instead. */
  announce?: boolean;
  /** DM the owner their evidence card (default). */
  requestEvidence?: boolean;
}

export type RegisterSystemResult = { status: 'created'; systemId: string } | { status: 'duplicate_request'; systemId: string | null };

/**
 * Registers an AI system: the system, its intake request, the classification with reasons, one
 * evidence claim per applicable requirement, audit events and the Slack messages — in one transaction.
 */
export async function registerSystem({ ctx, input }: { ctx: ServiceContext; input: RegisterSystemInput }): Promise<RegisterSystemResult> {
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const requestId = newId('req');
    const inserted = await tx.insert(intakeRequests).values({
      id: requestId, kind: 'ai_system', trigger: input.facts.trigger, requesterId: ctx.actor.userId, summary: input.facts.name,
      facts: input.facts, via: ctx.actor.origin.via, idempotencyKey: input.idempotencyKey, createdAt: now, status: 'closed', closedAt: now,
    }).onConflictDoNothing({ target: intakeRequests.idempotencyKey }).returning({ id: intakeRequests.id });
    if (!inserted.length) {
      const [earlier] = await tx.select({ systemId: intakeRequests.systemId }).from(intakeRequests).where(eq(intakeRequests.idempotencyKey, input.idempotencyKey));
      return { status: 'duplicate_request', systemId: earlier?.systemId ?? null };
    }
    const facts = input.facts;
    const taken = await findSystemByName(tx, facts.name);
    if (taken) throw invalid(`A system named "${taken.name}" is already registered (${taken.id}).`, { name: `A system named "${taken.name}" is already registered (${taken.id}).` });

    const classification = classifyIntake(facts, ctx.policy.classification);
    const systemId = newId('sys');
    const classificationId = newId('cls');
    const nextReviewAt = nextReviewDue({ from: now, cadenceDays: classification.cadence.days });
    const system = {
      id: systemId, name: facts.name, purpose: facts.purpose, ownerId: facts.owner, lifecycleStage: facts.lifecycleStage,
      operatorRole: facts.operatorRole, euNexus: facts.euNexus, dataCategories: facts.dataCategories, prohibitedPractice: facts.prohibitedPractice,
      annexIProduct: facts.annexIProduct, annexIIIPoint: facts.annexIIIPoint, art63Condition: facts.art63Condition, profiling: facts.profiling,
      transparency: facts.transparency, supplier: facts.supplier, humanOversight: facts.humanOversight, monitoringSignal: facts.monitoringSignal,
      trigger: facts.trigger, riskTier: classification.tier.value, workKind: classification.workKind.value,
      primarySource: classification.primarySource.value, currentClassificationId: classificationId, cadenceDays: classification.cadence.days,
      nextReviewAt, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now, facts,
      // Owners are mapped per source, never copied: by default the accountable owner reviews, the forum approves.
      reviewerId: facts.owner, approverId: null,
    };
    await tx.insert(aiSystems).values(system);
    await tx.update(intakeRequests).set({ systemId }).where(eq(intakeRequests.id, requestId));
    await tx.insert(classifications).values({ id: classificationId, systemId, requestId, computed: classification, rulesVersion: CLASSIFICATION_VERSION_KEY, versions: CLASSIFICATION_VERSIONS, createdBy: ctx.actor.userId, createdAt: now });
    const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * DAY_MS);
    const claims = classification.requirements.map((r) => ({
      id: newId('clm'), systemId, source: r.source, requirementId: r.requirementId, title: r.title, summary: r.summary, reason: r.reason,
      ownerId: facts.owner, status: 'requested', dueAt, reviewTrigger: `every ${classification.cadence.days ?? 0} days or on material change`,
      reusePermission: 'crosswalk_same_conditions', requestedAt: now, createdAt: now, updatedAt: now,
    }));
    if (claims.length) await tx.insert(evidenceClaims).values(claims);

    await recordAudit(tx, ctx, { action: 'system.registered', subjectType: 'ai_system', subjectId: systemId, after: { ...system, requestId } });
    await recordAudit(tx, ctx, { action: 'classification.computed', subjectType: 'ai_system', subjectId: systemId, after: { classificationId, tier: classification.tier, primarySource: classification.primarySource, workKind: classification.workKind, cadence: classification.cadence, reasons: classification.reasons } });
    await recordAudit(tx, ctx, { action: 'evidence.requested', subjectType: 'ai_system', subjectId: systemId, after: { ownerId: facts.owner, dueAt, claims: claims.map((c) => ({ id: c.id, source: c.source, requirementId: c.requirementId })) } });

    if (classification.tier.value === 'prohibited') {
      const exceptionId = newId('exc');
      const reason = `Prohibited practice under the EU AI Act: ${classification.tier.reason}`;
      await tx.insert(exceptions).values({ id: exceptionId, systemId, reason, openedBy: ctx.actor.userId, dueAt: now, createdAt: now });
      await recordAudit(tx, ctx, { action: 'exception.opened', subjectType: 'exception', subjectId: exceptionId, after: { systemId, reason } });
      await enqueueEvent(tx, null, { event: { kind: 'intake.prohibited.v1', body: { systemId, exceptionId } }, key: outboxKeys.prohibitedAlert(systemId) });
    }
    if (input.draftId) await tx.delete(intakeDrafts).where(eq(intakeDrafts.id, input.draftId));
    if (input.announce !== false) {
      await enqueueEvent(tx, null, {
        event: { kind: 'intake.announcement.v1', body: { systemId, ...(input.note ? { note: input.note } : {}) } },
        key: outboxKeys.announce(systemId), card: cardKeys.announcement(systemId),
      });
    }
    if (input.requestEvidence !== false) await refreshEvidenceCard(tx, { systemId, ownerId: facts.owner });
    return { status: 'created', systemId };
  });
}
