import { describe, expect, it, test } from '../../support/fixtures.js';
import { parse } from 'csv-parse/sync';
import { like } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { aimsScopes, auditEvents, soaControls, soaDecisions, soaVersions } from '../../../src/db/schema/index.js';
import { AppError } from '../../../src/app/errors.js';
import { decideControl } from '../../../src/app/soa/decide-control.js';
import { recordAimsScope } from '../../../src/app/soa/record-aims-scope.js';
import { approveSoa, OpenDecisionsError } from '../../../src/app/soa/approve-soa.js';
import { loadSoaState } from '../../../src/app/soa/load-soa.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { USERS } from '../../support/test-app.js';
import { verbContext } from '../../support/verb-context.js';

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const DAY = 86_400_000;

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the verb to refuse');
}

const counts = async (db: Database['db']) => ({
  controls: (await db.select().from(soaControls)).length,
  decisions: (await db.select().from(soaDecisions)).length,
  scopes: (await db.select().from(aimsScopes)).length,
  versions: (await db.select().from(soaVersions)).length,
  audit: (await db.select().from(auditEvents).where(like(auditEvents.action, 'soa.%'))).length,
});

/** Every applicable control without an owner gets one, as an admin would from the Home tab. */
async function ownEveryApplicableControl(db: Database['db'], now: () => Date) {
  const state = await loadSoaState(db, { asOf: now(), sampleSize: 0 });
  for (const l of state.lines.filter((x) => x.applicable === 'yes' && !x.ownerId)) {
    await decideControl({ ctx: verbContext(db, USERS.admin, { now }), input: { framework: 'iso-42001', controlId: l.controlId, ownerId: l.controlId.startsWith('A.10') ? USERS.owner2 : USERS.owner } });
  }
}

describe('the Statement of Applicability as the organisation\'s document', () => {
  let database: Database;
  let rt: Runtime;
  let seed: SeededGovernance;
  const now = new Date('2026-12-01T09:00:00Z');
  const clock = () => now;
  const admin = () => verbContext(database.db, USERS.admin, { now: clock });
  const exportOf = async (...args: string[]) => {
    const r = await runAigov(rt, ['export', 'soa', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  };

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    seed = await seedGovernance(database.db, { now: new Date(now.getTime() - DAY) });
  });

  // The document's history, as the cases before a case leave it. Each step is skipped when it already
  // happened, so a case run alone builds what it needs and a full run repeats nothing.
  const A73_EXCLUSION = 'Data acquisition is run by the group data office under its own ISMS.';
  const decideA73 = () => decideControl({ ctx: admin(), input: { framework: 'iso-42001', controlId: 'A.7.3', ownerId: USERS.owner2, applicability: 'excluded', justification: A73_EXCLUSION } });
  async function a73Decided() {
    if ((await database.db.select().from(soaDecisions)).some((r) => r.controlId === 'A.7.3')) return;
    await decideA73();
  }
  const versionCount = async () => (await database.db.select().from(soaVersions)).length;
  const recordScope = () => recordAimsScope({ ctx: admin(), input: { statement: 'AI systems Acme develops or uses in its EU consumer lending and recruiting.', systemIds: null, units: 'Lending\nPeople; Data office' } });
  async function version1() {
    if (await versionCount() >= 1) return;
    await a73Decided();
    await recordScope();
    await ownEveryApplicableControl(database.db, clock);
    await approveSoa({ ctx: admin() });
  }
  const dayLater = () => new Date(now.getTime() + DAY);
  async function changesForVersion2() {
    await decideControl({ ctx: verbContext(database.db, USERS.admin, { now: dayLater }), input: { framework: 'iso-42001', controlId: 'A.8.4', applicability: 'excluded', justification: 'No AI system of ours reaches users who would need an incident notice.' } });
    await decideControl({ ctx: verbContext(database.db, USERS.admin, { now: dayLater }), input: { framework: 'iso-42001', controlId: 'A.2.2', ownerId: USERS.owner2 } });
  }
  async function version2() {
    if (await versionCount() >= 2) return;
    await version1();
    await changesForVersion2();
    await approveSoa({ ctx: verbContext(database.db, USERS.admin, { now: dayLater }) });
  }

  describe('deciding on a control', () => {
    it('is for governance admins only, and a refusal stores nothing', async () => {
      const before = await counts(database.db);
      const err = await caught(decideControl({ ctx: verbContext(database.db, USERS.owner, { now: clock }), input: { framework: 'iso-42001', controlId: 'A.2.2', ownerId: USERS.owner } }));
      expect(err.code).toBe('FORBIDDEN');
      expect(await counts(database.db)).toEqual(before);
    });

    it.each([
      ['an exclusion without a justification', { framework: 'iso-42001', controlId: 'A.8.4', applicability: 'excluded', justification: '  ' }, { justification: /An exclusion needs a justification/ }],
      ['a control that is not in Annex A', { framework: 'iso-42001', controlId: 'A.99.1', ownerId: USERS.owner }, { control: /Choose an ISO\/IEC 42001 Annex A control/ }],
      ['an owner that is not a Slack user', { framework: 'iso-42001', controlId: 'A.2.2', ownerId: 'bob' }, { owner: /Choose the person/ }],
      ['applicability for a NIST AI RMF outcome', { framework: 'nist-ai-rmf', controlId: 'GOVERN 1.1', applicability: 'excluded', justification: 'x' }, { applicability: /only get an owner/ }],
      ['nothing to change', { framework: 'iso-42001', controlId: 'A.2.2' }, { owner: /nothing would change/ }],
    ] as const)('refuses %s under the field, storing nothing', async (_what, input, fields) => {
      const before = await counts(database.db);
      const err = await caught(decideControl({ ctx: admin(), input }));
      expect(err.code).toBe('VALIDATION');
      for (const [field, message] of Object.entries(fields)) expect(err.fields[field]).toMatch(message);
      expect(await counts(database.db)).toEqual(before);
    });

    it('records an owner and an exclusion as two decision records with audit events, keeping the rule\'s outcome beside it', async () => {
      const result = await decideA73();
      expect(result.recorded).toHaveLength(2);
      const rows = await database.db.select().from(soaDecisions);
      const applicability = rows.find((r) => r.kind === 'applicability' && r.controlId === 'A.7.3')!;
      expect(applicability).toMatchObject({ decision: 'excluded', ruleOutcome: 'applicable', decidedBy: USERS.admin });
      expect(applicability.ruleJustification).toMatch(/^Selected for 3 AI systems of 5 by Personal-data rule/);
      expect(rows.find((r) => r.kind === 'owner' && r.controlId === 'A.7.3')).toMatchObject({ ownerId: USERS.owner2 });
      const audit = await database.db.select().from(auditEvents).where(like(auditEvents.action, 'soa.%'));
      expect(audit.map((a) => [a.action, a.subjectId])).toEqual([['soa.owner_assigned', 'iso-42001:A.7.3'], ['soa.applicability_decided', 'iso-42001:A.7.3']]);

      const a73 = csv(await exportOf('--format', 'csv')).find((r) => r.control_id === 'A.7.3')!;
      expect(a73).toMatchObject({
        applicable: 'no', implementation_status: 'not applicable', decision_basis: 'organisation', control_owner: USERS.owner2, decided_by: USERS.admin, decided_at: '2026-12-01',
        justification: 'Data acquisition is run by the group data office under its own ISMS.', rule_applicable: 'yes', review_needed: '',
      });
      expect(a73.rule_justification).toMatch(/Personal-data rule \(3 systems\)/);
    });

    it('gives an organisation-wide NIST AI RMF outcome an owner', async () => {
      await decideControl({ ctx: admin(), input: { framework: 'nist-ai-rmf', controlId: 'GOVERN 2.1', ownerId: USERS.owner } });
      const [row] = (await database.db.select().from(soaControls)).filter((r) => r.controlId === 'GOVERN 2.1');
      expect(row).toMatchObject({ framework: 'nist-ai-rmf', ownerId: USERS.owner, decision: null });
      const profile = await runAigov(rt, ['export', 'nist-profile', '--format', 'csv']);
      const rows = csv(profile.stdout);
      expect(rows.find((r) => r.subcategory_id === 'GOVERN 2.1')).toMatchObject({ owner: USERS.owner });
      expect(rows.find((r) => r.subcategory_id === 'GOVERN 1.1')).toMatchObject({ owner: '' });
      expect((await runAigov(rt, ['export', 'nist-profile', '--format', 'md'])).stdout).toMatch(/\| GOVERN 2\.1 \| [^|]+ \| U0OWNER1 \|/);
    });

    it('goes back to the rule\'s outcome when asked, and refuses to record the same decision twice', async () => {
      await a73Decided();
      await decideControl({ ctx: admin(), input: { framework: 'iso-42001', controlId: 'A.7.3', applicability: 'rules' } });
      const a73 = csv(await exportOf('--format', 'csv')).find((r) => r.control_id === 'A.7.3')!;
      expect(a73).toMatchObject({ applicable: 'yes', decision_basis: 'rule', control_owner: USERS.owner2 });
      const err = await caught(decideControl({ ctx: admin(), input: { framework: 'iso-42001', controlId: 'A.7.3', applicability: 'rules' } }));
      expect(err.fields.applicability).toMatch(/already the standing decision/);
      const same = await caught(decideControl({ ctx: admin(), input: { framework: 'iso-42001', controlId: 'A.7.3', ownerId: USERS.owner2 } }));
      expect(same.fields).toEqual({ owner: 'That person already owns this control; nothing was changed.' });
    });
  });

  describe('each row names its evidence and its gaps', () => {
    it('lists the artifacts with id, kind, date, system and link, and the open claims with id, state and due date', async () => {
      const rows = csv(await exportOf('--format', 'csv'));
      const a103 = rows.find((r) => r.control_id === 'A.10.3')!;
      expect(a103.evidence_references).toMatch(/^art_[a-z0-9]+ \(contract_clause, \d{4}-\d{2}-\d{2}, Applicant ranker, https:\/\/contracts\.example\.com\/talentsift\/msa#ai-annex\)$/);
      expect(a103.open_gaps).toBe('');
      const a52 = rows.find((r) => r.control_id === 'A.5.2')!;
      expect(a52.evidence_references!.split(';')).toHaveLength(2);
      expect(a52.open_gaps!.split(';')).toHaveLength(2);
      expect(a52.open_gaps).toMatch(/clm_[a-z0-9]+ \(requested, due \d{4}-\d{2}-\d{2}, (Customer support assistant|Demand forecaster)\)/);
    });

    it('makes A.10.2 applicable because A.10.3 has a supplier, saying so', async () => {
      const a102 = csv(await exportOf('--format', 'csv')).find((r) => r.control_id === 'A.10.2')!;
      expect(a102).toMatchObject({ applicable: 'yes', implementation_status: 'not evidenced per system' });
      expect(a102.justification).toMatch(/suppliers \(A\.10\.3, 1 AI system\)/);
    });
  });

  describe('approving a version', () => {
    it('is refused while required decisions are open, listing them, and stores nothing', async () => {
      await a73Decided();
      const before = await counts(database.db);
      const err = await caught(approveSoa({ ctx: admin() }));
      expect(err).toBeInstanceOf(OpenDecisionsError);
      const open = (err as OpenDecisionsError).open.map((o) => o.what);
      expect(open[0]).toBe('The AIMS scope is not recorded.');
      expect(open).toContain('A.2.2: applicable and has no owner.');
      expect(open).not.toContain('A.7.3: applicable and has no owner.');
      expect(err.message).toMatch(/cannot be approved yet: \d+ required decisions are open\.\n• The AIMS scope is not recorded\./);
      expect(await counts(database.db)).toEqual(before);
    });

    it('refuses a scope without a statement or naming unregistered systems', async () => {
      const empty = await caught(recordAimsScope({ ctx: admin(), input: { statement: ' ', systemIds: null } }));
      expect(empty.fields.scope_statement).toMatch(/Say what the AI management system covers/);
      const unknown = await caught(recordAimsScope({ ctx: admin(), input: { statement: 'Acme AI', systemIds: ['sys_nope'] } }));
      expect(unknown.fields.scope_systems).toBe('Not registered: sys_nope.');
      expect((await database.db.select().from(aimsScopes)).length).toBe(0);
    });

    it('freezes the document as version 1 with approver and date once the scope and owners are recorded', async () => {
      await a73Decided();
      await recordScope();
      await ownEveryApplicableControl(database.db, clock);
      const result = await approveSoa({ ctx: admin() });
      expect(result).toMatchObject({ status: 'approved', number: 1, changes: null });
      const rows = csv(await exportOf('--format', 'csv'));
      for (const r of rows) expect(r).toMatchObject({ document_status: 'approved', version: '1', approved_by: USERS.admin, approved_at: now.toISOString(), changed_since_approval: '' });
      const md = await exportOf('--format', 'md');
      expect(md).toContain('**Approved version 1 (approved by U0ADMIN1, 2026-12-01)**');
      expect(md).toContain('AI systems Acme develops or uses in its EU consumer lending and recruiting.');
      expect(md).toMatch(/organisational units: Lending, People, Data office · recorded by U0ADMIN1 on 2026-12-01/);
      expect(md).not.toContain('DRAFT');
      const [audit] = await database.db.select().from(auditEvents).where(like(auditEvents.action, 'soa.approved'));
      expect(audit).toMatchObject({ actorId: USERS.admin, subjectType: 'soa_version' });
    });

    it('does not make a second version of an unchanged document', async () => {
      await version1();
      expect(await approveSoa({ ctx: admin() })).toMatchObject({ status: 'unchanged', number: 1, approvedBy: USERS.admin });
      expect((await database.db.select().from(soaVersions)).length).toBe(1);
    });

    it('becomes a draft that names what changed, on every row and page, until version 2 is approved', async () => {
      const later = dayLater;
      await version1();
      await changesForVersion2();
      const rows = csv(await exportOf('--format', 'csv'));
      expect(new Set(rows.map((r) => r.document_status))).toEqual(new Set(['draft']));
      expect(rows.find((r) => r.control_id === 'A.2.2')!.changed_since_approval).toBe(`owner ${USERS.owner} → ${USERS.owner2}.`);
      expect(rows.find((r) => r.control_id === 'A.8.4')!.changed_since_approval).toBe('now decided by the organisation.');
      const md = await exportOf('--format', 'md');
      const status = 'DRAFT — not approved: 2 changes since approved version 1 (approved by U0ADMIN1, 2026-12-01)';
      expect(md.split('\n').filter((l) => l.includes(status))).toHaveLength(2);
      expect(md).toContain('## Changes since the approved version');
      const second = await approveSoa({ ctx: verbContext(database.db, USERS.admin, { now: later }) });
      expect(second).toMatchObject({ status: 'approved', number: 2, changes: ['A.2.2: owner U0OWNER1 → U0OWNER2.', 'A.8.4: now decided by the organisation.'] });
      expect(await exportOf('--format', 'md')).toContain('**Approved version 2 (approved by U0ADMIN1, 2026-12-02)**');
    });

    it('flags an exclusion the rules come to contradict, and refuses approval until it is looked at again', async () => {
      await version2();
      const later = () => new Date(now.getTime() + 2 * DAY);
      await decideControl({ ctx: verbContext(database.db, USERS.admin, { now: later }), input: { framework: 'iso-42001', controlId: 'A.10.4', ownerId: USERS.owner2, applicability: 'excluded', justification: 'We sell no AI system to customers.' } });
      // A new system is offered to customers: the rules now select A.10.4.
      const facts = SystemFacts.parse({ name: 'Partner scoring API', purpose: 'Scores leads for partner resellers.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'distributor' });
      await registerSystem({ ctx: verbContext(database.db, USERS.requester, { now: later }), input: { facts, idempotencyKey: 'soa:distributor' } });
      const a104 = csv(await exportOf('--format', 'csv')).find((r) => r.control_id === 'A.10.4')!;
      expect(a104).toMatchObject({ applicable: 'no', decision_basis: 'organisation', rule_applicable: 'yes', justification: 'We sell no AI system to customers.' });
      expect(a104.review_needed).toMatch(/^Excluded when no rule selected it; the rules now select it \(Selected for 1 AI system of 6 by Supply-chain rule/);
      const err = await caught(approveSoa({ ctx: verbContext(database.db, USERS.admin, { now: later }) }));
      expect((err as OpenDecisionsError).open.map((o) => o.controlId)).toContain('A.10.4');
      expect(await exportOf('--format', 'md')).toContain('REVIEW NEEDED');
      // Confirming the exclusion against the rules' new outcome clears the flag.
      await decideControl({ ctx: verbContext(database.db, USERS.admin, { now: later }), input: { framework: 'iso-42001', controlId: 'A.10.4', applicability: 'excluded', justification: 'The partner API is sold by the reseller, who holds the customer relationship.' } });
      await ownEveryApplicableControl(database.db, later);
      expect(await approveSoa({ ctx: verbContext(database.db, USERS.admin, { now: later }) })).toMatchObject({ status: 'approved', number: 3 });
    });
  });
});
