import { describe, expect, it } from 'vitest';
import { classifyIntake, type Classification } from '../../../src/domain/classify-intake.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { CONSEQUENTIAL_DECISIONS, OPERATOR_ROLES } from '../../../src/domain/vocabulary.js';

// Colorado SB 26-189 (automated decision-making technology), one rule per block, each case standing alone.

function facts(overrides: Partial<SystemFactsInput> = {}): SystemFacts {
  return SystemFacts.parse({
    name: 'Applicant screener', purpose: 'Scores job applicants', owner: 'U0OWNER1', lifecycleStage: 'deployed',
    operatorRole: 'deployer', euNexus: false, dataCategories: ['personal'], usStates: ['CO'], consequentialDecision: 'employment',
    ...overrides,
  });
}
const classify = (overrides: Partial<SystemFactsInput> = {}) => classifyIntake(facts(overrides));
const co = (c: Classification) => c.requirements.filter((r) => r.source === 'co-sb26-189').map((r) => r.requirementId);
const coReason = (c: Classification) => c.reasons.find((r) => r.startsWith('Colorado SB 26-189')) ?? '';

describe('which systems Colorado SB 26-189 covers', () => {
  it.each(CONSEQUENTIAL_DECISIONS.map((d) => [d]))('a %s decision about Colorado consumers', (consequentialDecision) => {
    const c = classify({ consequentialDecision });
    const covered = !['none', 'legal'].includes(consequentialDecision);
    expect(c.bindingSources.includes('co-sb26-189')).toBe(covered);
    expect(coReason(c)).toContain('§ 6-1-1701(6)');
  });

  it('says legal services were an SB 24-205 domain and are not covered now', () => {
    expect(coReason(classify({ consequentialDecision: 'legal' }))).toContain('legal services were a consequential-decision domain under SB 24-205');
  });

  it.each([
    ['no Colorado consumers', { usStates: ['NY', 'TX'] }, 'no Colorado consumers'],
    ['no personal data', { dataCategories: ['none'] }, 'processes personal data'],
    ['an importer', { operatorRole: 'importer' }, 'an importer is neither'],
    ['a distributor', { operatorRole: 'distributor' }, 'a distributor is neither'],
  ] as const)('does not bind with %s, and says why', (_, overrides, why) => {
    const c = classify(overrides as Partial<SystemFactsInput>);
    expect(c.bindingSources).not.toContain('co-sb26-189');
    expect(co(c)).toEqual([]);
    expect(coReason(c)).toContain(why);
  });

  it('says nothing of Colorado for a system with no Colorado facts', () => {
    const c = classify({ usStates: [], consequentialDecision: 'none' });
    expect(coReason(c)).toBe('');
    expect(c.statutoryDates).toEqual([]);
  });

  it.each(OPERATOR_ROLES.map((r) => [r]))('gives a %s the duties of its role', (operatorRole) => {
    const c = classify({ operatorRole });
    const developer = operatorRole === 'provider' || operatorRole === 'provider_and_deployer';
    const deployer = operatorRole === 'deployer' || operatorRole === 'provider_and_deployer';
    expect(co(c).includes('co-ob-dev-documentation')).toBe(developer);
    expect(co(c).includes('co-ob-dev-update-notices')).toBe(developer);
    expect(co(c).includes('co-ob-dep-pre-use-notice')).toBe(deployer);
    expect(co(c).includes('co-ob-dep-adverse-outcome-disclosure')).toBe(deployer);
    expect(co(c).includes('co-ob-dep-human-review')).toBe(deployer);
    expect(co(c).includes('co-ob-dep-records')).toBe(deployer);
  });

  it('never infers a sector duty or exemption from the facts', () => {
    const c = classify({ operatorRole: 'provider_and_deployer', consequentialDecision: 'insurance' });
    expect(co(c)).not.toContain('co-ob-insurer-disclosures');
    expect(co(c)).not.toContain('co-ob-hipaa-patient-notice');
    expect(c.bindingSources).toContain('co-sb26-189');
  });
});

describe('the primary source when Colorado binds', () => {
  it('leads with Colorado SB 26-189 when it is the only binding law', () => {
    const c = classify();
    expect(c.bindingSources).toEqual(['co-sb26-189']);
    expect(c.primarySource.value).toBe('co-sb26-189');
    expect(c.supportingSources).toEqual(['iso-42001', 'nist-ai-rmf']);
  });

  it('leads with the EU AI Act when both bind, Colorado supporting', () => {
    const c = classify({ euNexus: true, annexIIIPoint: '4(a)' });
    expect(c.bindingSources).toEqual(['eu-ai-act', 'co-sb26-189']);
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(c.primarySource.reason).toContain('Colorado SB 26-189 (ADMT Act) also binds');
    expect(c.supportingSources).toContain('co-sb26-189');
  });

  it('leaves Colorado out of the supporting sources where it does not bind', () => {
    expect(classify({ usStates: [] }).supportingSources).not.toContain('co-sb26-189');
  });
});

describe('Colorado dates and enforcement', () => {
  it('puts 1 Jan 2027 on the system as a date set by law, and the cure period and the stay as what they are', () => {
    const c = classify();
    expect(c.statutoryDates.map((d) => [d.dateId, d.date])).toEqual([
      ['co-d-2027-01-01-effective', '2027-01-01'],
      ['co-d-2030-01-01-cure-repeal', '2030-01-01'],
    ]);
    const enforcement = c.statutoryDates[1]!.reason;
    expect(enforcement).toContain('Attorney General only');
    expect(enforcement).toContain('60-day notice to cure');
    expect(enforcement).toContain('stayed by the order in X.AI LLC v. Weiser');
  });

  it('says what is left to the Attorney General\'s rules and that they are not confirmed as adopted', () => {
    expect(coReason(classify())).toContain('left to the Attorney General\'s rules, which are proposed but not confirmed as adopted');
  });
});

describe('realistic Colorado systems', () => {
  it.each([
    ['a hiring screener a Denver employer buys', { consequentialDecision: 'employment' }, true, ['co-sb26-189']],
    ['a tenant-screening score built and used in house', { operatorRole: 'provider_and_deployer', consequentialDecision: 'housing' }, true, ['co-sb26-189']],
    ['a benefits-eligibility model a state agency deploys, also used in the EU', { euNexus: true, annexIIIPoint: '5(a)', publicBody: true, consequentialDecision: 'government' }, true, ['eu-ai-act', 'co-sb26-189']],
    ['a marketing copy writer', { consequentialDecision: 'none', dataCategories: ['none'], transparency: ['synthetic_content'] }, false, []],
  ] as const)('%s', (_, overrides, covered, binding) => {
    const c = classify(overrides as Partial<SystemFactsInput>);
    expect(c.colorado.binds).toBe(covered);
    expect(c.bindingSources).toEqual(binding);
  });
});

describe('approved exemption claims', () => {
  it.each([
    ['an FDA-regulated product', ['co-ex-fda'], 'health', false, []],
    ['a HIPAA covered entity deciding on health care: only the patient notice stays', ['co-ex-hipaa'], 'health', true, ['co-ob-hipaa-patient-notice']],
    ['a HIPAA covered entity deciding on employment: still covered', ['co-ex-hipaa'], 'employment', true, ['co-ob-dep-pre-use-notice']],
    ['an insurer under § 10-3-1104.9 deciding on insurance', ['co-ex-insurers'], 'insurance', false, []],
    ['a creditor: duties stay, met through ECOA and FCRA notices', ['co-ex-creditors-ecoa-fcra'], 'financial', true, ['co-ob-dep-adverse-outcome-disclosure']],
  ] as const)('%s', (_, coExemptions, consequentialDecision, binds, claims) => {
    const c = classify({ coExemptions: [...coExemptions], consequentialDecision });
    expect(c.colorado.binds).toBe(binds);
    expect(co(c)).toEqual(expect.arrayContaining([...claims]));
    expect(coReason(c)).toContain('claimed by the owner and approved');
  });

  it('is never inferred: a health-care deployer with no approved claim owes every deployer duty', () => {
    const c = classify({ consequentialDecision: 'health' });
    expect(co(c)).toContain('co-ob-dep-pre-use-notice');
    expect(coReason(c)).not.toContain('approved');
  });

  it('cannot claim an exemption the law does not have (no small-business exemption)', () => {
    expect(SystemFacts.safeParse({ name: 'x', purpose: 'y', owner: 'U0OWNER1', lifecycleStage: 'deployed', operatorRole: 'deployer', coExemptions: ['co-ex-small-business'] }).success).toBe(false);
  });
});
