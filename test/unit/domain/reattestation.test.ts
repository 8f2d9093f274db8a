import { describe, expect, it } from 'vitest';
import { decideReattestation, reattestationDateProblems } from '../../../src/domain/reattestation.js';
import type { SystemSnapshot } from '../../../src/domain/evidence-reuse.js';

const system: SystemSnapshot = { purpose: 'Ranks applicants.', lifecycleStage: 'deployed', supplier: null, dataCategories: ['personal'], riskTier: 'high', operatorRole: 'deployer' };
const conditions = {
  ownerId: 'U1', systemId: 'sys_1', scope: 'Ranks applicants. (deployed, deployer)', purpose: 'Ranks applicants.', lifecycleStage: 'deployed', operatorRole: 'deployer',
  supplier: null, dataCategories: ['personal'], riskTier: 'high', acceptanceCriteria: '', claim: { source: 'iso-42001', requirementId: '6.1.4' },
};
const artifact = (periodTo: string) => ({ periodTo, conditions });

describe('decideReattestation', () => {
  it.each([
    ['a stale claim whose period ended', 'stale', 'The evidence covered a period that ended on 2026-11-30.', artifact('2026-11-30'), system, 'allowed'],
    ['an answered claim 30 days before its period ends', 'submitted', null, artifact('2027-01-05'), system, 'allowed'],
    ['an answered claim 31 days before its period ends', 'submitted', null, artifact('2027-01-06'), system, /can be confirmed as still valid from 2026-12-07/],
    ['a claim without an artifact', 'requested', null, null, system, /no earlier artifact/],
    ['a claim marked stale by a reported material change', 'stale', 'Material change: the lifecycle stage changed.', artifact('2026-11-30'), system, /^Material change: the lifecycle stage changed\. Submit new evidence instead\.$/],
    ['a stale claim whose system changed supplier since', 'stale', 'The evidence covered a period that ended on 2026-11-30.', artifact('2026-11-30'), { ...system, supplier: 'Acme' }, /the supplier changed/],
    ['a stale claim whose risk tier changed since', 'stale', null, artifact('2026-11-30'), { ...system, riskTier: 'minimal' as const }, /the risk tier changed from high to minimal/],
    ['evidence without recorded conditions', 'stale', null, { periodTo: '2026-11-30', conditions: {} }, system, /were not recorded/],
  ])('%s', (_what, claimStatus, staleReason, art, current, expected) => {
    const d = decideReattestation({ claimStatus, staleReason, artifact: art, current, today: '2026-12-06' });
    if (expected === 'allowed') expect(d.kind).toBe('allowed');
    else expect(d.kind === 'refused' ? d.reason : '').toMatch(expected);
  });
});

describe('reattestationDateProblems', () => {
  const base = { today: '2026-12-06', evidenceDate: '2026-01-10', oldPeriodTo: '2026-11-30' };
  it.each([
    [{ checkedOn: '2026-12-06', periodTo: '2027-11-30' }, {}],
    [{ checkedOn: '2026-12-07', periodTo: '2027-11-30' }, { checked_on: 'The date checked cannot be after today (2026-12-06).' }],
    [{ checkedOn: '2026-01-09', periodTo: '2027-11-30' }, { checked_on: "The date checked cannot be before the artifact's effective date (2026-01-10)." }],
    [{ checkedOn: '2026-12-06', periodTo: '2026-11-30' }, { period_to: 'The new period must end after the current one (2026-11-30).' }],
    [{ checkedOn: '2026-12-06', periodTo: '2026-12-05' }, { period_to: 'The new period must not have ended already (today is 2026-12-06).' }],
    [{ checkedOn: '2026-12-06', periodTo: '2028-01-11' }, { period_to: 'Confirm at most 400 days ahead (until 2028-01-10); it will be asked again then.' }],
  ])('%j', (form, expected) => {
    expect(reattestationDateProblems(form, base)).toEqual(expected);
  });
});
