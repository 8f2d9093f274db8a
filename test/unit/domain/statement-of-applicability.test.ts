import { describe, expect, it } from 'vitest';
import {
  decideControlStatement, decideRuleStatements, decideSoaLine, diffSoaContent, findOpenDecisions, isPerSystemControl,
  type AimsScope, type ControlCoverage, type ControlDecision, type SoaDocumentContent, type SoaLine,
} from '../../../src/domain/statement-of-applicability.js';
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

  it('names the rules without counts when they were not counted', () => {
    const s = decideControlStatement(coverage({ systems: 2, rules: [{ rule: 'Supplier rule' }, { rule: 'Trigger rule' }] }), 5);
    expect(s.justification).toBe('Selected for 2 AI systems of 5 by Supplier rule; Trigger rule.');
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

describe('A.10.2 allocating responsibilities, against A.10.3 suppliers and A.10.4 customers', () => {
  const cov = (controlId: string, systems: number, rule = 'Supplier rule'): ControlCoverage =>
    coverage({ controlId, systems, claims: systems, requested: systems, rules: systems ? [{ rule, systems }] : [] });
  it.each([
    ['neither suppliers nor customers', 0, 0, 0, 'no', 'not applicable', /No registered AI system has a supplier \(A\.10\.3\) or customers \(A\.10\.4\)/],
    ['suppliers only', 11, 0, 0, 'yes', 'not evidenced per system', /^Responsibilities between the organisation and its suppliers \(A\.10\.3, 11 AI systems\) are allocated\./],
    ['customers only', 0, 2, 0, 'yes', 'not evidenced per system', /^Responsibilities between the organisation and its customers \(A\.10\.4, 2 AI systems\) are allocated\./],
    ['both', 3, 1, 0, 'yes', 'not evidenced per system', /its suppliers \(A\.10\.3, 3 AI systems\) and customers \(A\.10\.4, 1 AI system\)/],
    ['selected directly by the supply-chain rule', 0, 1, 1, 'yes', 'not implemented', /customers \(A\.10\.4, 1 AI system\) are allocated\. Selected for 1 AI system of 12 by Supply-chain rule/],
  ])('with %s', (_what, suppliers, customers, own, applicable, status, justification) => {
    const statements = decideRuleStatements([cov('A.10.2', own, 'Supply-chain rule'), cov('A.10.3', suppliers), cov('A.10.4', customers, 'Supply-chain rule')], 12);
    const s = statements.get('A.10.2')!;
    expect(s).toMatchObject({ applicable, status });
    expect(s.justification).toMatch(justification);
  });

  it.each([
    ['no system claims A.10.3 yet', 0, 'yes', 'not implemented', /^2 AI systems have a supplier recorded since their classification \(Supplier rule\); evidence is requested when they are classified again\.$/],
    ['other systems already claim it', 3, 'yes', 'not implemented', /^Selected for 3 AI systems of 12 by Supplier rule \(3 systems\)\. Evidence missing: 3 requested\. 2 AI systems have a supplier recorded/],
  ])('makes A.10.3 applicable when a material change recorded a supplier and %s', (_what, claimed, applicable, status, justification) => {
    const statements = decideRuleStatements([cov('A.10.2', 0), cov('A.10.3', claimed), cov('A.10.4', 0)], 12, { suppliersSinceClassification: 2 });
    expect(statements.get('A.10.3')).toMatchObject({ applicable, status });
    expect(statements.get('A.10.3')!.justification).toMatch(justification);
    expect(statements.get('A.10.2')!.justification).toMatch(new RegExp(`suppliers \\(A\\.10\\.3, ${claimed + 2} AI systems\\)`));
  });

  it('leaves the other controls as the rules decide them', () => {
    const statements = decideRuleStatements([cov('A.10.2', 0), cov('A.10.3', 4)], 12);
    expect(statements.get('A.10.3')).toEqual(decideControlStatement(cov('A.10.3', 4), 12));
  });
});

describe('the organisation\'s decision over the rule\'s outcome', () => {
  const applicableRule = decideControlStatement(coverage({ systems: 2, claims: 2, answered: 2, rules: [{ rule: 'Supplier rule', systems: 2 }] }), 5);
  const notApplicableRule = decideControlStatement(coverage({}), 5);
  const decision = (over: Partial<ControlDecision>): ControlDecision => ({ ownerId: null, decision: null, justification: null, ruleOutcome: null, decidedBy: null, decidedAt: null, ...over });

  it('keeps the rule\'s statement when nothing was decided, with the owner if one was named', () => {
    const line = decideSoaLine('A.10.3', applicableRule, decision({ ownerId: 'U0OWNER' }));
    expect(line).toMatchObject({ basis: 'rule', applicable: 'yes', status: 'implemented', ownerId: 'U0OWNER', review: null, justification: applicableRule.justification });
    expect(decideSoaLine('A.10.3', applicableRule, undefined)).toMatchObject({ basis: 'rule', ownerId: null });
  });

  it.each([
    ['excludes a control the rules select', applicableRule, 'excluded', 'applicable', 'no', 'not applicable'],
    ['makes applicable a control no rule selects', notApplicableRule, 'applicable', 'not_applicable', 'yes', 'not evidenced per system'],
    ['confirms an applicable control', applicableRule, 'applicable', 'applicable', 'yes', 'implemented'],
  ] as const)('%s, with the rule\'s outcome kept beside it', (_what, rule, d, ruleOutcome, applicable, status) => {
    const line = decideSoaLine('A.10.3', rule, decision({ decision: d, justification: 'Our reason.', ruleOutcome, decidedBy: 'U0ADMIN', decidedAt: new Date('2026-12-01T10:00:00Z') }));
    expect(line).toMatchObject({ basis: 'organisation', applicable, status, justification: 'Our reason.', rule, review: null, decidedBy: 'U0ADMIN' });
  });

  it('flags an exclusion for review, and keeps it, when the rules come to select the control', () => {
    const line = decideSoaLine('A.10.3', applicableRule, decision({ decision: 'excluded', justification: 'We have no suppliers.', ruleOutcome: 'not_applicable' }));
    expect(line).toMatchObject({ applicable: 'no', basis: 'organisation', justification: 'We have no suppliers.' });
    expect(line.review).toMatch(/^Excluded when no rule selected it; the rules now select it \(Selected for 2 AI systems of 5 by Supplier rule \(2 systems\)\)/);
  });

  it('does not flag an exclusion decided over the rule\'s applicable outcome, nor one the rules still agree with', () => {
    expect(decideSoaLine('A.10.3', applicableRule, decision({ decision: 'excluded', justification: 'Covered by group policy.', ruleOutcome: 'applicable' })).review).toBeNull();
    expect(decideSoaLine('A.10.3', notApplicableRule, decision({ decision: 'excluded', justification: 'No suppliers.', ruleOutcome: 'not_applicable' })).review).toBeNull();
  });
});

describe('what stands between the draft and its approval', () => {
  const rule = decideControlStatement(coverage({ controlId: 'A.2.2' }), 1);
  const line = (over: Partial<SoaLine>): SoaLine => ({ ...rule, controlId: 'A.2.2', ownerId: 'U0OWNER', basis: 'rule', rule, decidedBy: null, decidedAt: null, review: null, ...over });
  const scope: AimsScope = { statement: 'All AI systems of Acme.', systemIds: null, units: ['Acme'] };

  it('is nothing when the scope is recorded, every applicable control owned and no exclusion flagged', () => {
    expect(findOpenDecisions([line({}), line({ controlId: 'A.8.4', applicable: 'no', ownerId: null })], scope)).toEqual([]);
  });

  it('lists a missing scope, applicable controls without an owner and flagged exclusions', () => {
    const open = findOpenDecisions([line({ ownerId: null }), line({ controlId: 'A.10.3', applicable: 'no', review: 'The rules now select it.' })], null);
    expect(open.map((o) => o.what)).toEqual([
      'The AIMS scope is not recorded.',
      'A.2.2: applicable and has no owner.',
      'A.10.3: the exclusion needs review. The rules now select it.',
    ]);
  });
});

describe('what changed since the approved version', () => {
  const scope: AimsScope = { statement: 'All AI systems of Acme.', systemIds: null, units: ['Acme'] };
  const control = { controlId: 'A.10.3', applicable: 'yes' as const, basis: 'rule' as const, justification: '', ownerId: 'U0OWNER' };
  const content = (over: Partial<typeof control> = {}, s: Partial<AimsScope> = {}): SoaDocumentContent => ({ scope: { ...scope, ...s }, controls: [{ ...control, ...over }] });

  it('is nothing for the same content, whatever order the scope lists are in', () => {
    expect(diffSoaContent(content({}, { units: ['A', 'B'] }), content({}, { units: ['B', 'A'] }))).toEqual([]);
  });

  it.each([
    [{ applicable: 'no', basis: 'organisation', justification: 'x' }, {}, ['A.10.3: applicable yes → no (decided by the organisation).']],
    [{ basis: 'organisation', justification: 'Confirmed.' }, {}, ['A.10.3: now decided by the organisation.']],
    [{ ownerId: 'U0OTHER' }, {}, ['A.10.3: owner U0OWNER → U0OTHER.']],
    [{}, { statement: 'Only the EU business.' }, ['Scope: the statement changed.']],
    [{}, { systemIds: ['sys_1'] }, ['Scope: systems in scope changed (1 named).']],
    [{}, { units: ['Acme', 'Acme Labs'] }, ['Scope: organisational units now Acme, Acme Labs.']],
  ] as const)('names %j %j', (after, afterScope, changes) => {
    expect(diffSoaContent(content(), content(after as Partial<typeof control>, afterScope as Partial<AimsScope>))).toEqual(changes);
  });
});
