import { describe, expect, it } from 'vitest';
import { decideControlStatement, isPerSystemControl, type ControlCoverage } from '../../../src/domain/statement-of-applicability.js';
import { decideSubcategoryCoverage } from '../../../src/domain/nist-coverage.js';
import { describeGaps, emptyTally } from '../../../src/domain/claim-progress.js';
import { ISO_ANNEX_A_CONTROLS } from '../../../src/domain/catalog/index.js';

const coverage = (over: Partial<ControlCoverage>): ControlCoverage => ({ ...emptyTally(), controlId: 'A.10.3', systems: 0, rules: [], ...over });

describe('the Statement of Applicability line of a control', () => {
  it.each([
    ['every claim answered', { claims: 3, answered: 3 }, 'implemented'],
    ['some answered', { claims: 3, answered: 1, requested: 2 }, 'partially implemented'],
    ['none answered', { claims: 3, requested: 2, stale: 1 }, 'not implemented'],
  ])('is applicable and %s makes it %s', (_what, tally, status) => {
    const s = decideControlStatement(coverage({ ...tally, systems: 3, rules: [{ rule: 'Supplier rule', systems: 3 }] }), 10);
    expect(s).toMatchObject({ applicable: 'yes', status });
    expect(s.justification).toMatch(/^Selected for 3 AI systems of 10 by Supplier rule \(3 systems\)\./);
  });

  it('names what is missing in the justification', () => {
    const s = decideControlStatement(coverage({ claims: 4, answered: 1, requested: 1, stale: 1, exceptions: 1, overdue: 2, systems: 4, rules: [{ rule: 'High-risk rule', systems: 4 }] }), 4);
    expect(s.justification).toBe('Selected for 4 AI systems of 4 by High-risk rule (4 systems). Evidence missing: 1 requested, 1 stale (2 overdue), 1 with an exception.');
  });

  it('is not applicable, with the reason, when no registered system meets a rule that selects it', () => {
    expect(decideControlStatement(coverage({}), 7)).toEqual({
      applicable: 'no', status: 'not applicable',
      justification: 'None of the 7 registered AI systems meets a classification rule that selects this control; re-assessed whenever a system is registered or changes.',
    });
    expect(decideControlStatement(coverage({}), 0).justification).toMatch(/No AI system is registered yet/);
    expect(decideControlStatement(coverage({}), 1).justification).toMatch(/None of the 1 registered AI system meets/);
  });

  it('keeps a control the rules never request per system applicable to the management system, never silently excluded', () => {
    const s = decideControlStatement(coverage({ controlId: 'A.2.2' }), 12);
    expect(s).toMatchObject({ applicable: 'yes', status: 'not evidenced per system' });
    expect(s.justification).toMatch(/AI management system as a whole/);
  });

  it('knows which Annex A controls are requested per system: only catalog controls, and not the policy ones', () => {
    const perSystem = ISO_ANNEX_A_CONTROLS.map((c) => c.id).filter(isPerSystemControl);
    expect(perSystem).toEqual(expect.arrayContaining(['A.5.2', 'A.9.4', 'A.10.3']));
    expect(perSystem).not.toContain('A.2.2');
    expect(perSystem.length).toBeLessThan(ISO_ANNEX_A_CONTROLS.length);
  });
});

describe('the NIST AI RMF profile line of a subcategory', () => {
  const line = (over: object) => decideSubcategoryCoverage({ ...emptyTally(), subcategoryId: 'MAP 1.1', systems: 2, ...over });
  it.each([
    [{ claims: 0, systems: 0 }, 'not requested', 'No registered AI system is asked for evidence of this outcome.'],
    [{ claims: 2, answered: 2 }, 'complete', ''],
    [{ claims: 2, answered: 1, requested: 1, overdue: 1 }, 'partial', '1 requested (1 overdue) of 2 claims.'],
    [{ claims: 2, requested: 1, exceptions: 1 }, 'none', '1 requested, 1 with an exception of 2 claims.'],
  ])('%j is %s', (tally, evidenceStatus, gaps) => {
    expect(line(tally)).toEqual({ evidenceStatus, gaps });
  });
});

describe('describing gaps', () => {
  it('counts claims in states it does not name rather than hiding them', () => {
    expect(describeGaps({ claims: 5, answered: 1, requested: 1, stale: 0, exceptions: 0, overdue: 0 })).toBe('1 requested, 3 in another state');
  });
  it('is empty when nothing is missing', () => {
    expect(describeGaps({ claims: 2, answered: 2, requested: 0, stale: 0, exceptions: 0, overdue: 0 })).toBe('');
  });
});
