import { describe, expect, it } from 'vitest';
import {
  decideEvidenceReuse,
  isPeriodEnded,
  REUSE_CONDITIONS,
  type ReuseInput,
  type ReuseSide,
  staleConditions,
  type SystemSnapshot,
} from '../../../src/domain/evidence-reuse.js';

const now = new Date('2026-06-15T12:00:00.000Z');

const iso: ReuseSide = {
  source: 'iso-42001',
  requirementId: 'A.6.2.4',
  ownerId: 'U01OWNER',
  systemId: 'sys_credit',
  scope: 'EU retail lending',
  supplier: 'Acme Models',
  dataCategories: ['personal', 'sensitive'],
  acceptanceCriteria: 'Validation report signed by the model risk lead',
};
const nist: ReuseSide = { ...iso, source: 'nist-ai-rmf', requirementId: 'MEASURE 2.1' };

const reuse = (change: { from?: Partial<ReuseInput['from']>; to?: Partial<ReuseSide>; crosswalkMapped?: boolean; now?: Date } = {}) =>
  decideEvidenceReuse({
    from: { ...iso, periodTo: new Date('2026-12-31T00:00:00.000Z'), criteriaMet: true, ...change.from },
    to: { ...nist, ...change.to },
    crosswalkMapped: change.crosswalkMapped ?? true,
    now: change.now ?? now,
  });

describe('decideEvidenceReuse', () => {
  it('allows reuse when the crosswalk maps the requirements and everything else is the same', () => {
    const decision = reuse();
    expect(decision.kind).toBe('allowed');
    expect(decision.reason).toBe(
      'Evidence for ISO/IEC 42001:2023 A.6.2.4 can be reused for NIST AI RMF 1.0 MEASURE 2.1: the crosswalk maps them, ' +
        'and owner, system, scope, supplier, data types, period and acceptance criteria are all the same.',
    );
  });

  it.each<{ label: string; change: Parameters<typeof reuse>[0]; failed: string; says: RegExp }>([
    { label: 'the crosswalk does not map them', change: { crosswalkMapped: false }, failed: 'crosswalk', says: /crosswalk does not map/ },
    { label: 'the owners differ', change: { to: { ownerId: 'U02OTHER' } }, failed: 'owner', says: /different evidence owners/ },
    { label: 'the systems differ', change: { to: { systemId: 'sys_chatbot' } }, failed: 'system', says: /different AI system/ },
    { label: 'the scopes differ', change: { to: { scope: 'UK retail lending' } }, failed: 'scope', says: /scope is different \("EU retail lending" versus "UK retail lending"\)/ },
    { label: 'the suppliers differ', change: { to: { supplier: 'Other AI' } }, failed: 'supplier', says: /supplier is different \("Acme Models" versus "Other AI"\)/ },
    { label: 'one side has no supplier', change: { to: { supplier: null } }, failed: 'supplier', says: /"Acme Models" versus no supplier/ },
    { label: 'the data types differ', change: { to: { dataCategories: ['personal'] } }, failed: 'data_type', says: /types of data are different \(personal, sensitive versus personal\)/ },
    { label: 'the evidence period has ended', change: { from: { periodTo: new Date('2026-06-01T00:00:00.000Z') } }, failed: 'period', says: /ended on 2026-06-01T00:00:00.000Z/ },
    { label: 'the acceptance criteria differ', change: { to: { acceptanceCriteria: 'Any test result' } }, failed: 'acceptance_criteria', says: /different acceptance criteria/ },
    { label: 'the evidence did not meet its criteria', change: { from: { criteriaMet: false } }, failed: 'acceptance_criteria', says: /did not meet its acceptance criteria/ },
  ])('refuses when $label', ({ change, failed, says }) => {
    const decision = reuse(change);
    expect(decision).toMatchObject({ kind: 'refused', failed });
    expect(decision.reason).toMatch(says);
    expect(decision.reason).toMatch(/^Evidence for ISO\/IEC 42001:2023 A\.6\.2\.4 can't be reused for NIST AI RMF 1\.0 MEASURE 2\.1: /);
    expect(decision.reason).toMatch(/Keep a separate evidence record for it\.$/);
  });

  it('checks the conditions in the documented order and reports the first that fails', () => {
    expect(REUSE_CONDITIONS).toEqual(['crosswalk', 'owner', 'system', 'scope', 'supplier', 'data_type', 'period', 'acceptance_criteria']);
    const everythingWrong = {
      crosswalkMapped: false,
      from: { periodTo: new Date('2020-01-01T00:00:00.000Z'), criteriaMet: false },
      to: { ownerId: 'U0X', systemId: 'sys_x', scope: 'x', supplier: 'x', dataCategories: ['biometric'], acceptanceCriteria: 'x' },
    };
    const failures: string[] = [];
    const fixes: Array<(c: typeof everythingWrong) => void> = [
      (c) => { c.crosswalkMapped = true; },
      (c) => { c.to.ownerId = iso.ownerId; },
      (c) => { c.to.systemId = iso.systemId; },
      (c) => { c.to.scope = iso.scope; },
      (c) => { c.to.supplier = 'Acme Models'; },
      (c) => { c.to.dataCategories = ['personal', 'sensitive']; },
      (c) => { c.from.periodTo = new Date('2027-01-01T00:00:00.000Z'); },
      (c) => { c.to.acceptanceCriteria = iso.acceptanceCriteria; },
    ];
    for (const fix of fixes) {
      const decision = reuse(everythingWrong);
      if (decision.kind === 'refused') failures.push(decision.failed);
      fix(everythingWrong);
    }
    expect(failures).toEqual(REUSE_CONDITIONS);
  });

  it.each([
    { label: 'the period end', now: new Date('2026-12-31T00:00:00.000Z'), kind: 'refused' },
    { label: '1 ms before the period end', now: new Date('2026-12-30T23:59:59.999Z'), kind: 'allowed' },
  ])('treats the period end as exclusive: at $label reuse is $kind', ({ now: at, kind }) => {
    expect(reuse({ now: at }).kind).toBe(kind);
  });

  it('allows evidence that covers an ongoing period', () => {
    expect(reuse({ from: { periodTo: null } }).kind).toBe('allowed');
  });

  it.each<{ label: string; to: Partial<ReuseSide> }>([
    { label: 'spacing and case in the scope', to: { scope: '  eu   Retail LENDING ' } },
    { label: 'spacing and case in the supplier', to: { supplier: 'acme  models' } },
    { label: 'the order and repeats of data categories', to: { dataCategories: ['sensitive', 'personal', 'personal'] } },
    { label: 'spacing in the acceptance criteria', to: { acceptanceCriteria: 'Validation report signed by the model risk lead ' } },
  ])('ignores $label', ({ to }) => {
    expect(reuse({ to }).kind).toBe('allowed');
  });

  it('treats "none" and an empty list of data categories as the same', () => {
    expect(reuse({ from: { dataCategories: ['none'] }, to: { dataCategories: [] } }).kind).toBe('allowed');
  });

  it('treats an empty supplier name as no supplier', () => {
    expect(reuse({ from: { supplier: null }, to: { supplier: '' } }).kind).toBe('allowed');
  });

  it('refuses the same requirement in the same source because there is no second requirement to reuse it for', () => {
    const decision = reuse({ to: { source: 'iso-42001', requirementId: ' A.6.2.4 ' } });
    expect(decision).toMatchObject({ kind: 'refused', failed: 'crosswalk' });
    expect(decision.reason).toBe(
      'ISO/IEC 42001:2023 A.6.2.4 is the same requirement on both sides, so this is not a reuse across requirements: ' +
        'attach the evidence to it directly, or submit new evidence for it.',
    );
  });

  it('refuses the same requirement even when the caller claims a crosswalk mapping', () => {
    expect(reuse({ crosswalkMapped: true, to: { source: 'iso-42001', requirementId: 'A.6.2.4' } })).toMatchObject({ failed: 'crosswalk' });
  });

  it('judges a different requirement in the same source by the same rule', () => {
    expect(reuse({ to: { source: 'iso-42001', requirementId: 'A.6.2.5' } }).kind).toBe('allowed');
    expect(reuse({ crosswalkMapped: false, to: { source: 'iso-42001', requirementId: 'A.6.2.5' } })).toMatchObject({ failed: 'crosswalk' });
  });

  it('accepts the same requirement id in a different source as a cross-source reuse', () => {
    expect(reuse({ to: { source: 'eu-ai-act', requirementId: 'A.6.2.4' } }).kind).toBe('allowed');
  });
});

describe('isPeriodEnded', () => {
  const periodTo = new Date('2026-07-01T00:00:00.000Z');

  it.each([
    { now: '2026-06-30T23:59:59.999Z', ended: false },
    { now: '2026-07-01T00:00:00.000Z', ended: true },
    { now: '2026-07-01T00:00:00.001Z', ended: true },
  ])('at $now the period ended is $ended', ({ now: at, ended }) => {
    expect(isPeriodEnded(periodTo, new Date(at))).toBe(ended);
  });

  it('never ends an ongoing period', () => {
    expect(isPeriodEnded(null, new Date('2100-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('staleConditions', () => {
  const before: SystemSnapshot = {
    purpose: 'Scores retail credit applications',
    lifecycleStage: 'validation',
    supplier: 'Acme Models',
    dataCategories: ['personal'],
    riskTier: 'high',
    operatorRole: 'deployer',
  };

  it.each<{ label: string; after: Partial<SystemSnapshot>; changed: string[]; says: RegExp }>([
    { label: 'the purpose changes', after: { purpose: 'Scores retail and SME credit applications' }, changed: ['scope'], says: /the purpose changed/ },
    { label: 'the lifecycle stage changes', after: { lifecycleStage: 'deployed' }, changed: ['scope'], says: /lifecycle stage changed from validation to deployed/ },
    { label: 'the operator role changes', after: { operatorRole: 'provider_and_deployer' }, changed: ['scope'], says: /operator role changed from deployer to provider_and_deployer/ },
    { label: 'the supplier changes', after: { supplier: 'Other AI' }, changed: ['supplier'], says: /supplier changed from "Acme Models" to "Other AI"/ },
    { label: 'the supplier is dropped', after: { supplier: null }, changed: ['supplier'], says: /from "Acme Models" to no supplier/ },
    { label: 'a data category is added', after: { dataCategories: ['personal', 'biometric'] }, changed: ['data_type'], says: /data types changed from personal to biometric, personal/ },
    { label: 'the risk tier changes', after: { riskTier: 'minimal' }, changed: ['risk'], says: /risk tier changed from high to minimal/ },
    {
      label: 'everything changes at once',
      after: { purpose: 'x', lifecycleStage: 'retired', supplier: null, dataCategories: ['none'], riskTier: 'prohibited', operatorRole: 'provider' },
      changed: ['scope', 'supplier', 'data_type', 'risk'],
      says: /^Material change: the purpose changed; the lifecycle stage changed .*; the operator role changed .*; the supplier changed .*; the data types changed .*; the risk tier changed .*\. Evidence that depends on the old facts is stale and must be renewed\.$/,
    },
  ])('marks evidence stale when $label', ({ after, changed, says }) => {
    const result = staleConditions(before, { ...before, ...after });
    expect(result.changed).toEqual(changed);
    expect(result.reason).toMatch(says);
  });

  it.each<{ label: string; after: Partial<SystemSnapshot> }>([
    { label: 'nothing changes', after: {} },
    { label: 'only spacing or case in the purpose changes', after: { purpose: ' scores  retail credit Applications' } },
    { label: 'only the order of data categories changes', after: { dataCategories: ['personal', 'personal'] } },
    { label: 'only the case of the supplier changes', after: { supplier: 'ACME MODELS' } },
  ])('keeps evidence current when $label', ({ after }) => {
    expect(staleConditions(before, { ...before, ...after })).toEqual({
      changed: [],
      reason: 'No material change to scope, supplier, data types or risk: dependent evidence stays current.',
    });
  });

  it('reports a scope change once even when several scope facts change', () => {
    expect(staleConditions(before, { ...before, purpose: 'New', lifecycleStage: 'deployed' }).changed).toEqual(['scope']);
  });
});
