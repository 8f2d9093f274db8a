import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { auditEvents, evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { suggestSystems } from '../../../src/app/records/suggest-systems.js';
import { listAttachableClaims } from '../../../src/app/evidence/list-attachable-claims.js';
import { loadClaimForm } from '../../../src/app/evidence/load-claim-form.js';
import { prepareOverride } from '../../../src/app/classification/prepare-override.js';
import { prepareExemptionClaim } from '../../../src/app/exemptions/prepare-exemption-claim.js';
import { prepareChangeReport } from '../../../src/app/requests/prepare-change-report.js';
import { AppError } from '../../../src/app/errors.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { createTestDatabase } from '../../support/test-db.js';
import { verbContext } from '../../support/verb-context.js';
import { USERS } from '../../support/test-app.js';

// The verbs Slack listeners call to open a form or fill a menu: each reads, none writes, and each refuses
// with an AppError the listener shows as it is.
describe('verbs behind Slack forms and menus', () => {
  let database: Database;
  let systemId: string;
  const ctx = (user: string) => verbContext(database.db, user);
  const refusal = async (p: Promise<unknown>): Promise<AppError> => {
    try { await p; } catch (err) { if (err instanceof AppError) return err; throw err; }
    throw new Error('expected a refusal');
  };
  const auditCount = async () => (await database.db.select({ id: auditEvents.id }).from(auditEvents)).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const name of ['Credit 50% scorer', 'Credit limit advisor', 'Chat helper']) {
      const facts = SystemFacts.parse({ name, purpose: 'Helps decide', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer' });
      const { systemId: id } = await registerSystem({ ctx: ctx(USERS.requester), input: { facts, idempotencyKey: `form:${name}`, announce: false, requestEvidence: true } });
      if (name === 'Credit limit advisor') systemId = id!;
    }
  });
  afterAll(async () => { await database?.close(); });

  describe('suggestSystems', () => {
    it('finds systems whose name contains what was typed, by name, reading % and _ as text', async () => {
      expect((await suggestSystems({ ctx: ctx(USERS.requester), input: { typed: ' credit ' } })).map((s) => s.name)).toEqual(['Credit 50% scorer', 'Credit limit advisor']);
      expect((await suggestSystems({ ctx: ctx(USERS.requester), input: { typed: '50%' } })).map((s) => s.name)).toEqual(['Credit 50% scorer']);
      expect(await suggestSystems({ ctx: ctx(USERS.requester), input: { typed: '_' } })).toEqual([]);
    });
  });

  describe('listAttachableClaims', () => {
    it('lists only the caller\'s own open claims, earliest due first, up to the limit', async () => {
      const mine = await listAttachableClaims({ ctx: ctx(USERS.owner), input: { limit: 3 } });
      expect(mine).toHaveLength(3);
      expect(mine.every((c) => c.status === 'requested')).toBe(true);
      expect(mine.map((c) => c.dueAt.getTime())).toEqual([...mine.map((c) => c.dueAt.getTime())].sort((a, b) => a - b));
      expect(await listAttachableClaims({ ctx: ctx(USERS.requester), input: { limit: 3 } })).toEqual([]);
    });

    it('refuses a limit out of range as a validation error naming it', async () => {
      expect(await refusal(listAttachableClaims({ ctx: ctx(USERS.owner), input: { limit: 0 } }))).toMatchObject({ code: 'VALIDATION', fields: { limit: expect.any(String) } });
    });
  });

  describe('loadClaimForm', () => {
    it('gives the owner their claim, refuses anyone else, and refuses an answered claim only where the form answers it', async () => {
      const [claim] = await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId)).limit(1);
      expect(await loadClaimForm({ ctx: ctx(USERS.owner), input: { claimId: claim!.id, mustBeOpen: true } }))
        .toMatchObject({ claim: { id: claim!.id }, systemName: 'Credit limit advisor' });
      expect(await refusal(loadClaimForm({ ctx: ctx(USERS.requester), input: { claimId: claim!.id, mustBeOpen: false } }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal(loadClaimForm({ ctx: ctx(USERS.owner), input: { claimId: 'not-a-claim', mustBeOpen: false } }))).toMatchObject({ code: 'NOT_FOUND' });
      await database.db.update(evidenceClaims).set({ status: 'submitted' }).where(eq(evidenceClaims.id, claim!.id));
      expect(await refusal(loadClaimForm({ ctx: ctx(USERS.owner), input: { claimId: claim!.id, mustBeOpen: true } })))
        .toMatchObject({ code: 'CONFLICT', message: 'This claim is already answered (submitted); nothing is waiting on it.' });
      expect(await loadClaimForm({ ctx: ctx(USERS.admin), input: { claimId: claim!.id, mustBeOpen: false } })).toMatchObject({ claim: { status: 'submitted' } });
    });
  });

  describe('prepareOverride', () => {
    it('gives an admin the system\'s current outcomes and refuses anyone else before reading', async () => {
      expect(await prepareOverride({ ctx: ctx(USERS.admin), input: { systemId } }))
        .toEqual({ systemId, systemName: 'Credit limit advisor', current: { tier: expect.any(String), primarySource: expect.any(String), workKind: expect.any(String), cadenceDays: expect.any(Number) } });
      expect(await refusal(prepareOverride({ ctx: ctx(USERS.owner), input: { systemId } })))
        .toMatchObject({ code: 'FORBIDDEN', message: 'Only governance admins can override a classification.' });
      expect(await refusal(prepareOverride({ ctx: ctx(USERS.admin), input: { systemId: 'sys_gone' } }))).toMatchObject({ code: 'NOT_FOUND', message: 'That system no longer exists.' });
    });
  });

  describe('prepareExemptionClaim and prepareChangeReport', () => {
    it('name the system the form is for, and say when it is gone', async () => {
      expect(await prepareExemptionClaim({ ctx: ctx(USERS.owner), input: { systemId } })).toEqual({ systemId, systemName: 'Credit limit advisor' });
      expect(await refusal(prepareExemptionClaim({ ctx: ctx(USERS.owner), input: { systemId: '<!here>' } }))).toMatchObject({ code: 'NOT_FOUND', message: 'That system no longer exists.' });
      expect(await prepareChangeReport({ ctx: ctx(USERS.requester), input: { systemId } })).toEqual({ id: systemId, name: 'Credit limit advisor' });
      expect(await refusal(prepareChangeReport({ ctx: ctx(USERS.requester), input: { systemId: 'sys_gone' } }))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('none of them writes anything', async () => {
    const before = await auditCount();
    await suggestSystems({ ctx: ctx(USERS.requester), input: { typed: 'credit' } });
    await prepareOverride({ ctx: ctx(USERS.admin), input: { systemId } });
    await listAttachableClaims({ ctx: ctx(USERS.owner), input: { limit: 5 } });
    expect(await auditCount()).toBe(before);
  });
});
