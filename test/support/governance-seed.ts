import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { submitEvidence } from '../../src/app/evidence/submit-evidence.js';
import { cannotProvideClaim } from '../../src/app/evidence/cannot-provide-claim.js';
import { recordAudit } from '../../src/app/audit.js';
import { withTransaction, type ServiceContext } from '../../src/app/context.js';
import { SystemFacts, type SystemFactsInput } from '../../src/domain/system-facts.js';
import { newId } from '../../src/db/ids.js';
import { aiSystems, decisions, evidenceClaims, exceptions, reviews, statutoryDeadlines } from '../../src/db/schema/index.js';
import { USERS } from './test-app.js';
import { verbContext } from './verb-context.js';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export const SEED_SYSTEMS = {
  ranker: {
    name: 'Applicant ranker', purpose: 'Ranks job applicants for recruiters from CVs and screening answers.', owner: USERS.owner,
    lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)', supplier: 'TalentSift Ltd',
    humanOversight: 'A recruiter reviews every shortlist before anyone is contacted.', monitoringSignal: 'Weekly selection-rate parity report by sex and age band.',
  },
  assistant: {
    name: 'Customer support assistant', purpose: 'Answers customer questions in the help centre chat and drafts replies for agents.', owner: USERS.owner2,
    lifecycleStage: 'development', operatorRole: 'provider', dataCategories: ['personal'], transparency: ['interacts_with_people', 'synthetic_content'], trigger: 'certification',
  },
  forecaster: {
    name: 'Demand forecaster', purpose: 'Forecasts weekly demand per warehouse for purchasing.', owner: USERS.owner,
    lifecycleStage: 'validation', operatorRole: 'provider_and_deployer', euNexus: false, trigger: 'framework_mapping',
  },
  credit: {
    name: 'Credit limit model', purpose: 'Sets the initial credit limit of consumer accounts from application and bureau data.', owner: USERS.owner2,
    lifecycleStage: 'deployed', operatorRole: 'provider', dataCategories: ['personal', 'sensitive'], annexIIIPoint: '5(b)', profiling: true, trigger: 'risk_review',
    humanOversight: 'Credit analysts can override any limit; overrides are sampled monthly.',
  },
  emotion: {
    name: 'Workplace emotion monitor', purpose: 'Proposed: infers the emotions of call-centre staff from their voice during calls.', owner: USERS.owner,
    lifecycleStage: 'design', operatorRole: 'deployer', dataCategories: ['biometric'], prohibitedPractice: '5(1)(f)',
  },
} satisfies Record<string, SystemFactsInput>;

export interface SeededGovernance {
  ids: Record<keyof typeof SEED_SYSTEMS, string>;
  registeredAt: Date;
  now: Date;
}

/**
 * A realistic small portfolio, made through the verbs where they exist (registration, evidence,
 * can't-provide) and with direct rows, each with its audit event, for the review and risk records.
 */
export async function seedGovernance(db: Db, opts: { now?: Date; extra?: SystemFactsInput[] } = {}): Promise<SeededGovernance> {
  const now = opts.now ?? new Date();
  const registeredAt = new Date(now.getTime() - 30 * DAY);
  const at = (date: Date) => () => date;
  const ids = {} as Record<keyof typeof SEED_SYSTEMS, string>;
  for (const [key, facts] of Object.entries(SEED_SYSTEMS) as [keyof typeof SEED_SYSTEMS, SystemFactsInput][]) {
    const ctx = verbContext(db, USERS.requester, { now: at(registeredAt), origin: { via: 'slack', surface: 'view_submission' } });
    const result = await registerSystem({ ctx, input: { facts: SystemFacts.parse(facts), idempotencyKey: `seed:${key}` } });
    ids[key] = result.systemId!;
  }
  for (const [i, facts] of (opts.extra ?? []).entries()) {
    const ctx = verbContext(db, USERS.requester, { now: at(registeredAt) });
    await registerSystem({ ctx, input: { facts: SystemFacts.parse(facts), idempotencyKey: `seed:extra:${i}` } });
  }
  const answeredAt = new Date(now.getTime() - 10 * DAY);
  // Inside a transaction, read through it: PGlite has one connection, and a query beside the open transaction would wait for ever.
  const claimOf = async (systemId: string, source: string, requirementId: string, reader: Pick<Db, 'select'> = db) => {
    const rows = await reader.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    const claim = rows.find((c) => c.source === source && c.requirementId === requirementId);
    if (!claim) throw new Error(`seed: no claim ${source} ${requirementId} on ${systemId}`);
    return claim;
  };
  const answer = async (systemId: string, source: string, requirementId: string, artifact: { link: string; kind: string; description: string }) => {
    const claim = await claimOf(systemId, source, requirementId);
    const ctx = verbContext(db, claim.ownerId, { now: at(answeredAt), origin: { via: 'slack', surface: 'view_submission' } });
    await submitEvidence({ ctx, input: { claimId: claim.id, idempotencyKey: `seed:${claim.id}`, submission: {
      links: [artifact.link], kind: artifact.kind, description: artifact.description, evidenceDate: dayOf(answeredAt),
      periodFrom: dayOf(new Date(answeredAt.getTime() - 80 * DAY)), periodTo: dayOf(new Date(now.getTime() + 280 * DAY)), criteriaMet: true,
    } } });
  };
  await answer(ids.ranker, 'iso-42001', 'A.5.2', { link: 'https://wiki.example.com/ai/applicant-ranker/impact-assessment', kind: 'document', description: 'Impact assessment v2, signed off by the HR director.' });
  await answer(ids.ranker, 'iso-42001', 'A.9.4', { link: 'https://wiki.example.com/ai/applicant-ranker/intended-use', kind: 'document', description: 'Intended use and misuse statement with the quarterly usage check.' });
  await answer(ids.ranker, 'iso-42001', 'A.10.3', { link: 'https://contracts.example.com/talentsift/msa#ai-annex', kind: 'contract_clause', description: 'AI annex of the TalentSift master agreement.' });
  await answer(ids.ranker, 'nist-ai-rmf', 'GOVERN 1.1', { link: 'https://grc.example.com/registers/legal/ai-hiring', kind: 'register_entry', description: 'Legal requirements register entry for AI in hiring.' });
  await answer(ids.ranker, 'nist-ai-rmf', 'MEASURE 2.11', { link: 'https://jira.example.com/browse/ML-482', kind: 'test_result', description: 'Bias evaluation across sex and age bands, Q1.' });
  await answer(ids.assistant, 'iso-42001', 'A.8.2', { link: 'https://help.example.com/ai-assistant-notice', kind: 'document', description: 'The notice shown to customers before they chat with the assistant.' });
  await answer(ids.credit, 'iso-42001', 'A.5.2', { link: 'https://wiki.example.com/ai/credit-limit/impact', kind: 'document', description: 'Credit limit model impact assessment.' });
  await answer(ids.forecaster, 'iso-42001', 'A.9.4', { link: 'https://wiki.example.com/ai/forecaster/use', kind: 'document', description: 'Intended use of the forecaster.' });

  const ownerCtx = (user: string, date: Date) => verbContext(db, user, { now: at(date), origin: { via: 'slack', surface: 'view_submission' } });
  const cannot = await claimOf(ids.credit, 'nist-ai-rmf', 'MEASURE 2.11');
  await cannotProvideClaim({ ctx: ownerCtx(cannot.ownerId, answeredAt), input: { claimId: cannot.id, reason: 'The bias evaluation waits for the new bureau data feed (ticket RISK-77).' } });

  const admin = verbContext(db, USERS.admin, { now: at(new Date(now.getTime() - 5 * DAY)), origin: { via: 'slack', surface: 'block_actions' } });
  await withTransaction(admin, async (tx) => {
    const stale = await claimOf(ids.ranker, 'nist-ai-rmf', 'GOVERN 1.1', tx);
    const staleReason = 'The supplier changed its model version; the register entry predates it.';
    await tx.update(evidenceClaims).set({ status: 'stale', staleReason }).where(eq(evidenceClaims.id, stale.id));
    await recordAudit(tx, admin, { action: 'evidence.stale', subjectType: 'evidence_claim', subjectId: stale.id, after: { status: 'stale', staleReason } });

    const reviewId = newId('rev');
    const completedAt = new Date(now.getTime() - 6 * DAY);
    const review = {
      id: reviewId, systemId: ids.ranker, status: 'completed', dueAt: new Date(now.getTime() - 7 * DAY), dueReason: 'cadence', reviewerId: USERS.owner,
      result: 'Parity report within tolerance; shortlist overrides sampled.', exceptionsFound: 'None', correctiveAction: null, nextOwnerId: USERS.owner,
      nextReviewAt: new Date(now.getTime() + 83 * DAY), completedAt, createdAt: new Date(now.getTime() - 7 * DAY),
    };
    await tx.insert(reviews).values(review);
    await recordAudit(tx, admin, { action: 'review.completed', subjectType: 'review', subjectId: reviewId, after: review });

    const overdueReview = { id: newId('rev'), systemId: ids.forecaster, status: 'due', dueAt: new Date(now.getTime() - 10 * DAY), dueReason: 'material_change', reviewerId: USERS.owner, createdAt: new Date(now.getTime() - 10 * DAY) };
    await tx.insert(reviews).values(overdueReview);
    await recordAudit(tx, admin, { action: 'review.due', subjectType: 'review', subjectId: overdueReview.id, after: overdueReview });

    const decision = {
      id: newId('dec'), systemId: ids.ranker, reviewId, scope: 'Keep the ranker in production for the EU hiring pipeline.', assumption: 'Recruiters keep reviewing every shortlist.',
      riskOrObligation: 'EU AI Act Art. 26 deployer duties', ownerId: USERS.owner, status: 'approved', decidedBy: USERS.admin, decidedAt: completedAt,
      decisionReason: 'Review found the parity report within tolerance.', createdBy: USERS.owner, createdAt: completedAt,
    };
    await tx.insert(decisions).values(decision);
    await recordAudit(tx, admin, { action: 'decision.approved', subjectType: 'decision', subjectId: decision.id, after: decision });

    const acceptance = {
      id: newId('exc'), systemId: ids.credit, reason: 'Human oversight sampling is monthly instead of weekly until the analyst team is hired.', status: 'risk_accepted',
      openedBy: USERS.owner2, dueAt: new Date(now.getTime() - 12 * DAY), acceptedBy: USERS.admin, acceptedUntil: new Date(now.getTime() + 20 * DAY),
      rationale: 'Override rate below 2%; residual risk accepted for 60 days.', createdAt: new Date(now.getTime() - 40 * DAY),
    };
    await tx.insert(exceptions).values(acceptance);
    await recordAudit(tx, admin, { action: 'exception.risk_accepted', subjectType: 'exception', subjectId: acceptance.id, after: acceptance });

    const deadline = { id: newId('std'), systemId: ids.credit, ref: 'Art. 73(2)', label: 'Report the serious incident of a wrongly refused account to the market surveillance authority', dueAt: new Date(now.getTime() + 10 * DAY), createdAt: new Date(now.getTime() - 5 * DAY) };
    await tx.insert(statutoryDeadlines).values(deadline);
    await recordAudit(tx, admin, { action: 'deadline.opened', subjectType: 'statutory_deadline', subjectId: deadline.id, after: deadline });
    await tx.update(aiSystems).set({ approverId: USERS.admin }).where(eq(aiSystems.id, ids.credit));
  });
  return { ids, registeredAt, now };
}
