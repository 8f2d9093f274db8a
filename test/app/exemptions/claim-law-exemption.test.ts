import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems, auditEvents, classifications, decisions, evidenceClaims, lawExemptionClaims, outboxMessages, reviews } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { claimLawExemption } from '../../../src/app/exemptions/claim-law-exemption.js';
import { approveDecision } from '../../../src/app/decisions/approve-decision.js';
import { rejectDecision } from '../../../src/app/decisions/reject-decision.js';
import { AppError } from '../../../src/app/errors.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { verbContext } from '../../support/verb-context.js';
import { USERS } from '../../support/test-app.js';

const JUSTIFICATION = 'We are a HIPAA covered entity (a hospital system); this triage model is used only for patient care decisions.';

describe('claimLawExemption and its settlement by the forum', () => {
  let database: Database;
  const ctx = (user: string) => verbContext(database.db, user);
  async function register(name: string, overrides: Record<string, unknown> = {}) {
    const facts = SystemFacts.parse({
      name, purpose: 'Prioritises patients for follow-up care', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer',
      euNexus: false, dataCategories: ['personal', 'sensitive'], usStates: ['CO'], consequentialDecision: 'health', ...overrides,
    });
    const { systemId } = await registerSystem({ ctx: ctx(USERS.requester), input: { facts, idempotencyKey: `exm:${name}`, announce: false, requestEvidence: true } });
    return systemId!;
  }
  const claimsOf = async (systemId: string) => database.db.select().from(evidenceClaims).where(and(eq(evidenceClaims.systemId, systemId), eq(evidenceClaims.source, 'co-sb26-189')));
  const refusal = async (p: Promise<unknown>) => { try { await p; } catch (err) { return err as AppError; } throw new Error('expected a refusal'); };

  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  it('records the owner\'s claim as a pending decision for the forum and changes nothing else', async () => {
    const systemId = await register('Patient triage');
    const before = await claimsOf(systemId);
    expect(before.map((c) => c.requirementId)).toContain('co-ob-dep-pre-use-notice');
    const { claimId, decisionId } = await claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION } });
    const [claim] = await database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.id, claimId));
    expect(claim).toMatchObject({ status: 'pending', exemptionId: 'co-ex-hipaa', claimedBy: USERS.owner, justification: JUSTIFICATION });
    const [decision] = await database.db.select().from(decisions).where(eq(decisions.id, decisionId));
    expect(decision).toMatchObject({ status: 'pending', changes: 'classification', assumption: JUSTIFICATION });
    expect(decision!.scope).toContain('HIPAA covered entities');
    expect((await database.db.select().from(outboxMessages)).some((m) => JSON.stringify(m.payload).includes(decisionId))).toBe(true);
    expect((await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, claimId))).map((a) => a.action)).toEqual(['exemption.claimed']);
    expect((await claimsOf(systemId)).map((c) => c.status)).toEqual(before.map((c) => c.status));
  });

  it('applies an approved exemption: facts, a new classification, duties retired and the sector duty claimed, a review opened', async () => {
    const systemId = await register('Discharge planner');
    const { decisionId, claimId } = await claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION } });
    const [oldSystem] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    await approveDecision({ ctx: ctx(USERS.admin), input: { decisionId } });
    const [system] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    expect((system!.facts as { coExemptions: string[] }).coExemptions).toEqual(['co-ex-hipaa']);
    expect(system!.currentClassificationId).not.toBe(oldSystem!.currentClassificationId);
    const [current] = await database.db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
    expect(current!.replaces).toBe(oldSystem!.currentClassificationId);
    expect(JSON.stringify(current!.computed)).toContain('claimed by the owner and approved');
    const claims = await claimsOf(systemId);
    expect(claims.find((c) => c.requirementId === 'co-ob-dep-pre-use-notice')?.status).toBe('retired');
    expect(claims.find((c) => c.requirementId === 'co-ob-hipaa-patient-notice')?.status).toBe('requested');
    expect((await database.db.select().from(reviews).where(eq(reviews.systemId, systemId))).map((r) => r.dueReason)).toContain('reclassified');
    const [claim] = await database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.id, claimId));
    expect(claim!.status).toBe('approved');
  });

  it('leaves the system as it was when the forum rejects the claim', async () => {
    const systemId = await register('Bed allocator');
    const { decisionId, claimId } = await claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId, exemptionId: 'co-ex-fda', justification: 'The allocator is part of an FDA-cleared device, 510(k) K000000.' } });
    const [before] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    await rejectDecision({ ctx: ctx(USERS.admin), input: { decisionId, reason: 'The clearance covers the monitor, not the allocator.' } });
    const [after] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    expect(after!.currentClassificationId).toBe(before!.currentClassificationId);
    expect((after!.facts as { coExemptions: string[] }).coExemptions).toEqual([]);
    expect((await database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.id, claimId)))[0]!.status).toBe('rejected');
    // A rejected claim can be made again with a better case.
    await claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId, exemptionId: 'co-ex-fda', justification: 'The allocator itself is the FDA-cleared software device, 510(k) K111111.' } });
  });

  it.each([
    ['a stranger', USERS.stranger, {}, 'FORBIDDEN', /owner or a governance admin/],
    ['a justification too short', USERS.owner, { justification: 'Trust us.' }, 'VALIDATION', /at least 20 characters/],
    ['an exemption the law does not have', USERS.owner, { exemptionId: 'co-ex-small-business' }, 'VALIDATION', /exemptions the law has/],
  ] as const)('refuses %s, storing nothing', async (_, user, overrides, code, message) => {
    const systemId = await register(`Refused ${code} ${user}`);
    const err = await refusal(claimLawExemption({ ctx: ctx(user), input: { systemId, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION, ...overrides } }));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(await database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.systemId, systemId))).toEqual([]);
  });

  it('refuses a claim for a system Colorado does not bind, and a second live claim of the same exemption', async () => {
    const unbound = await register('Rota planner', { usStates: [], consequentialDecision: 'none' });
    expect((await refusal(claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId: unbound, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION } }))).message).toMatch(/does not bind this system/);
    const bound = await register('Clinic scheduler');
    await claimLawExemption({ ctx: ctx(USERS.owner), input: { systemId: bound, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION } });
    expect((await refusal(claimLawExemption({ ctx: ctx(USERS.admin), input: { systemId: bound, exemptionId: 'co-ex-hipaa', justification: JUSTIFICATION } }))).code).toBe('CONFLICT');
  });
});
