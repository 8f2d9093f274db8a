import { describe, expect, it } from 'vitest';
import { artifactConditions, decideArtifactReuse, scopeText, type ReuseTarget } from '../../../src/domain/evidence-conditions.js';
import type { SystemSnapshot } from '../../../src/domain/evidence-reuse.js';

const system: SystemSnapshot = { purpose: 'Ranks applicants', lifecycleStage: 'deployed', operatorRole: 'deployer', supplier: 'Acme', dataCategories: ['personal'], riskTier: 'high' };
const now = new Date('2026-03-02T10:00:00Z');

function artifact(over: { system?: Partial<SystemSnapshot>; ownerId?: string; criteria?: string | null; periodTo?: string; criteriaMet?: boolean; requirement?: string } = {}) {
  return {
    conditions: artifactConditions({ ownerId: over.ownerId ?? 'U1', systemId: 'sys_a', system: { ...system, ...over.system }, acceptanceCriteria: over.criteria ?? null,
      claim: { source: 'nist-ai-rmf', requirementId: over.requirement ?? 'MAP 1.1' } }),
    periodTo: over.periodTo ?? '2026-12-31', criteriaMet: over.criteriaMet ?? true,
  };
}
const target = (over: Partial<ReuseTarget> = {}): ReuseTarget => ({ source: 'iso-42001', requirementId: '6.1.4', ownerId: 'U1', systemId: 'sys_a', system, ...over });

describe('decideArtifactReuse', () => {
  it('allows evidence of a crosswalk-mapped requirement collected under the same conditions', () => {
    expect(decideArtifactReuse({ artifact: artifact(), target: target(), now }).kind).toBe('allowed');
  });

  it.each([
    ['crosswalk', artifact({ requirement: 'GOVERN 1.1' }), target()],
    ['owner', artifact(), target({ ownerId: 'U2' })],
    ['system', artifact(), target({ systemId: 'sys_b' })],
    ['scope', artifact({ system: { lifecycleStage: 'validation' } }), target()],
    ['supplier', artifact({ system: { supplier: 'Globex' } }), target()],
    ['data_type', artifact({ system: { dataCategories: ['none'] } }), target()],
    ['period', artifact({ periodTo: '2026-03-01' }), target()],
    ['acceptance_criteria', artifact({ criteria: 'Reviewed by the DPO' }), target()],
    ['acceptance_criteria', artifact({ criteriaMet: false }), target()],
  ] as const)('refuses on %s and says why', (failed, a, t) => {
    const decision = decideArtifactReuse({ artifact: a, target: t, now });
    expect(decision).toMatchObject({ kind: 'refused', failed });
    expect(decision.reason).toMatch(/Keep a separate evidence record|did not meet/);
  });

  it('still counts the last day of the period as current', () => {
    expect(decideArtifactReuse({ artifact: artifact({ periodTo: '2026-03-02' }), target: target(), now }).kind).toBe('allowed');
  });

  it('describes the scope as purpose, lifecycle stage and operator role', () => {
    expect(scopeText(system)).toBe('Ranks applicants (deployed, deployer)');
  });
});
