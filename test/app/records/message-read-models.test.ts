import { eq } from 'drizzle-orm';
import { evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { loadAnnouncement } from '../../../src/app/intake/load-announcement.js';
import { loadSystemThread } from '../../../src/app/records/system-thread.js';
import { loadSystemCanvas } from '../../../src/app/canvases/load-system-canvas.js';
import { loadGovernanceCanvas } from '../../../src/app/canvases/load-governance-canvas.js';
import { loadEvidenceRequest } from '../../../src/app/evidence/load-evidence-request.js';
import { loadClaimNote } from '../../../src/app/evidence/load-claim-note.js';
import { loadStillValidOffer } from '../../../src/app/sweep/load-still-valid-offer.js';
import { loadOwnerWeek } from '../../../src/app/sweep/load-owner-week.js';
import { loadOverride } from '../../../src/app/classification/load-override.js';
import { loadReclassificationSummary, loadReclassifiedOwner } from '../../../src/app/classification/reclassification-report.js';
import { loadDecisionCard } from '../../../src/app/decisions/load-decision-card.js';
import { loadExceptionCard } from '../../../src/app/exceptions/load-exception-card.js';
import { loadReviewCard } from '../../../src/app/reviews/load-review-card.js';
import { loadRequest, loadStatutoryDeadline } from '../../../src/app/requests/load-request.js';
import { loadSoaOwnerNotice } from '../../../src/app/soa/load-soa-owner-notice.js';
import { loadSoaVersion } from '../../../src/app/soa/load-soa-version.js';
import { loadDigest } from '../../../src/app/digest/load-digest.js';
import { loadStillValidForm } from '../../../src/app/evidence/load-still-valid-form.js';
import { registerSystemStep } from '../../../src/app/workflow-steps/register-system-step.js';
import { requestEvidenceStep } from '../../../src/app/workflow-steps/request-evidence-step.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

// The read models the Slack renderers draw messages and canvases from, called as the renderer calls them.
// What each message says is asserted where it is rendered (test/outbox/*-events, *-render); here: each
// reads the record it is given, and answers "gone" (null, or NOT_FOUND) for a record that does not exist,
// which is how a renderer knows to send nothing.

const T = new Date('2026-03-02T10:00:00Z');
const gone = async (p: Promise<unknown>) => {
  const outcome = await p.then((v) => ({ value: v }), (err: { code?: string }) => ({ code: err.code }));
  expect(outcome).toSatisfy((o: { value?: unknown; code?: string }) => ('value' in o ? o.value === null : o.code === 'NOT_FOUND' || o.code === 'VALIDATION'));
};

describe('the read models behind Slack messages', () => {
  it('read a registered system as its announcement, thread, canvas, the register and an evidence request', async ({ db, ctx }) => {
    const facts = SystemFacts.parse({ name: 'Read-model ranker', purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
    const { systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'read-model-ranker' } }) as { systemId: string };
    const as = ctx(USERS.admin, T);
    expect(await loadAnnouncement({ ctx: as, input: { systemId } })).toMatchObject({ systemId, name: 'Read-model ranker', ownerId: USERS.owner, requesterId: USERS.requester, canvasUrl: null });
    expect(await loadSystemThread({ ctx: as, input: { systemId } })).toBe(`announcement:${systemId}`);
    expect(JSON.stringify(await loadSystemCanvas({ ctx: as, input: { systemId } }))).toContain('Read-model ranker');
    expect(JSON.stringify(await loadGovernanceCanvas({ ctx: as }))).toContain('Read-model ranker');
    const [claim] = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    expect(await loadEvidenceRequest({ ctx: as, input: { claimId: claim!.id } })).toMatchObject({ claimId: claim!.id, systemId, systemName: 'Read-model ranker', ownerId: USERS.owner });
    expect(JSON.stringify(await loadClaimNote({ ctx: as, input: { claimId: claim!.id } }))).toContain('Read-model ranker');
    expect(await loadOwnerWeek({ ctx: as, input: { ownerId: USERS.owner } })).not.toBeNull();
  });

  it('answer "gone" for records that do not exist', async ({ ctx }) => {
    const as = ctx(USERS.admin, T);
    await gone(loadAnnouncement({ ctx: as, input: { systemId: 'sys_missing' } }));
    await gone(loadSystemThread({ ctx: as, input: { systemId: 'sys_missing' } }));
    await gone(loadSystemCanvas({ ctx: as, input: { systemId: 'sys_missing' } }));
    await gone(loadEvidenceRequest({ ctx: as, input: { claimId: 'clm_missing' } }));
    await gone(loadClaimNote({ ctx: as, input: { claimId: 'clm_missing' } }));
    await gone(loadStillValidOffer({ ctx: as, input: { systemId: 'sys_missing', ownerId: USERS.owner, periodTo: '2026-03-01' } }));
    await gone(loadOverride({ ctx: as, input: { systemId: 'sys_missing', overrideId: 'ovr_missing' } }));
    await gone(loadReclassificationSummary({ ctx: as, input: { version: 'no-such-version' } }));
    await gone(loadReclassifiedOwner({ ctx: as, input: { version: 'no-such-version', ownerId: USERS.owner } }));
    await gone(loadDecisionCard({ ctx: as, input: { decisionId: 'dec_missing' } }));
    await gone(loadExceptionCard({ ctx: as, input: { exceptionId: 'exc_missing' } }));
    await gone(loadReviewCard({ ctx: as, input: { reviewId: 'rev_missing' } }));
    await gone(loadRequest({ ctx: as, input: { requestId: 'req_missing' } }));
    await gone(loadStatutoryDeadline({ ctx: as, input: { deadlineId: 'std_missing' } }));
    await gone(loadSoaOwnerNotice({ ctx: as, input: { decisionId: 'sad_missing' } }));
    await gone(loadSoaVersion({ ctx: as, input: { versionId: 'soa_missing' } }));
    await gone(loadStillValidForm({ ctx: as, input: { claimId: 'clm_missing' } }));
    expect(await loadDigest({ ctx: as, input: { periodKey: '2026-W09', since: new Date('2026-02-23T09:00:00Z') } })).not.toBeNull();
  });

  it('refuse workflow step inputs that do not parse, storing nothing', async ({ ctx }) => {
    const as = ctx(USERS.requester, T);
    await expect(registerSystemStep({ ctx: as, input: { functionExecutionId: 'Fx0BAD1', inputs: { name: 'No owner' } } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(requestEvidenceStep({ ctx: as, input: { functionExecutionId: 'Fx0BAD2', inputs: { system: 'sys_missing' } } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
