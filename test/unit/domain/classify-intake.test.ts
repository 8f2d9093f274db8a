import { describe, expect, it } from 'vitest';
import { formatLawDay, isKnownRequirement, legalDate } from '../../../src/domain/catalog/index.js';
import {
  DEFAULT_CLASSIFICATION_POLICY, classifyIntake, type Classification,
} from '../../../src/domain/classify-intake.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import {
  ANNEX_III_POINTS, ART6_3_CONDITIONS, OPERATOR_ROLES, PROHIBITED_PRACTICES, TRANSPARENCY_DUTIES, TRIGGERS,
  type Source,
} from '../../../src/domain/vocabulary.js';

/** A minimal-risk system in development by an EU provider; each case changes only what it tests. */
function facts(overrides: Partial<SystemFactsInput> = {}): SystemFacts {
  return SystemFacts.parse({
    name: 'Support triage model',
    purpose: 'Sorts incoming support tickets by topic',
    owner: 'U0OWNER1',
    lifecycleStage: 'development',
    operatorRole: 'provider',
    ...overrides,
  });
}

const classify = (overrides: Partial<SystemFactsInput> = {}) => classifyIntake(facts(overrides));
const ids = (c: Classification, source: Source) => c.requirements.filter((r) => r.source === source).map((r) => r.requirementId);
const articlesOf = (c: Classification, role: string) => c.roleObligations.find((r) => r.role === role)?.articles;

describe('classifyIntake: Art. 5 prohibited practices', () => {
  it.each(PROHIBITED_PRACTICES.map((p) => [p]))('classifies a system practising Art. %s as prohibited and escalates it at once', (practice) => {
    const c = classify({ prohibitedPractice: practice, annexIIIPoint: '4(a)', transparency: ['interacts_with_people'] });
    expect(c.tier.value).toBe('prohibited');
    expect(c.tier.refs).toEqual([`Art. ${practice}`]);
    expect(c.tier.reason).toContain(`Art. ${practice}`);
    expect(c.cadence.days).toBeNull();
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(ids(c, 'eu-ai-act')).toEqual([`Art. ${practice}`]);
    expect(articlesOf(c, 'provider')).toEqual([`Art. ${practice}`]);
  });
});

describe('classifyIntake: Art. 6(2) and Annex III', () => {
  it.each(ANNEX_III_POINTS.map((p) => [p]))('classifies an Annex III point %s system as high-risk under Art. 6(2)', (point) => {
    const c = classify({ annexIIIPoint: point });
    expect(c.tier.value).toBe('high');
    expect(c.tier.refs).toContain('Art. 6(2)');
    expect(c.tier.reason).toContain(`Annex III point ${point}`);
    expect(c.tier.reason).toContain(`applying from ${formatLawDay(legalDate('d-2027-12-02-annex-iii').date)}`);
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(c.cadence.days).toBe(DEFAULT_CLASSIFICATION_POLICY.cadenceDays.high);
    expect(ids(c, 'eu-ai-act')).toEqual(expect.arrayContaining(['Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17']));
  });

  it.each(ART6_3_CONDITIONS.map((c) => [c]))(
    'lifts an Annex III system out of high-risk under the Art. 6(3)(%s) condition when it does not profile',
    (condition) => {
      const c = classify({ annexIIIPoint: '4(a)', art63Condition: condition, profiling: false });
      expect(c.tier.value).toBe('minimal');
      expect(c.tier.refs).toEqual(expect.arrayContaining([`Art. 6(3)(${condition})`, 'Art. 6(4)', 'Art. 49(2)']));
      expect(c.reasons.some((r) => r.includes('Art. 6(4)') && r.includes('Art. 49(2)'))).toBe(true);
      expect(ids(c, 'eu-ai-act')).toEqual(expect.arrayContaining(['Art. 6(4)', 'Art. 49(2)']));
      expect(articlesOf(c, 'provider')).toEqual(expect.arrayContaining(['Art. 6(4)', 'Art. 49(2)']));
    },
  );

  it.each(ART6_3_CONDITIONS.map((c) => [c]))(
    'keeps an Annex III system high-risk despite the Art. 6(3)(%s) condition when it profiles natural persons',
    (condition) => {
      const c = classify({ annexIIIPoint: '5(b)', art63Condition: condition, profiling: true });
      expect(c.tier.value).toBe('high');
      expect(c.tier.reason).toContain('profiles natural persons');
      expect(c.tier.reason).toContain('last subparagraph');
      expect(ids(c, 'eu-ai-act')).not.toContain('Art. 6(4)');
    },
  );

  it('falls to the transparency tier when a derogated Annex III system still has an Art. 50 duty', () => {
    const c = classify({ annexIIIPoint: '3(b)', art63Condition: 'b', transparency: ['interacts_with_people'] });
    expect(c.tier.value).toBe('transparency');
    expect(c.primarySource.value).toBe('eu-ai-act');
  });

  it('lets the Art. 6(4) and 49(2) duties of a derogating provider make the EU AI Act lead a minimal-tier system', () => {
    const c = classify({ annexIIIPoint: '8(a)', art63Condition: 'd' });
    expect(c.tier.value).toBe('minimal');
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(c.bindingSources).toEqual(['eu-ai-act']);
    expect(ids(c, 'eu-ai-act')).toContain('Art. 6(4)');
  });

  it('lets a deployer of a derogated minimal-tier system lead with ISO/IEC 42001: the derogation duties are the provider\'s', () => {
    const c = classify({ operatorRole: 'deployer', annexIIIPoint: '8(a)', art63Condition: 'd' });
    expect(c.primarySource.value).toBe('iso-42001');
    expect(c.bindingSources).toEqual([]);
    expect(ids(c, 'eu-ai-act')).not.toContain('Art. 6(4)');
  });

  it.each([
    ['1(b)', 'biometric_categorisation'],
    ['1(c)', 'emotion_recognition'],
  ] as const)('adds the Art. 50(3) duty that Annex III point %s implies', (point, duty) => {
    const c = classify({ annexIIIPoint: point, art63Condition: 'a' });
    expect(c.transparencyDuties.value).toEqual([duty]);
    expect(c.transparencyDuties.reason).toContain(`Annex III point ${point}`);
    expect(c.tier.value).toBe('transparency');
  });
});

describe('classifyIntake: Art. 6(1) and Annex I', () => {
  it('classifies an Annex I Section A product as high-risk under Art. 6(1) from the amended Annex I date', () => {
    const c = classify({ annexIProduct: true });
    expect(c.tier.value).toBe('high');
    expect(c.tier.refs).toEqual(['Art. 6(1)', 'Annex I Section A']);
    expect(c.tier.reason).toContain(`applying from ${formatLawDay(legalDate('d-2028-08-02-annex-i').date)}`);
    expect(c.statutoryDates.map((d) => d.dateId)).toContain('d-2028-08-02-annex-i');
  });

  it('does not let an Art. 6(3) condition lift an Annex I product', () => {
    const c = classify({ annexIProduct: true, annexIIIPoint: '2', art63Condition: 'a' });
    expect(c.tier.value).toBe('high');
    expect(c.tier.reason).toContain('only derogates from Art. 6(2)');
  });

  it('asks an Annex I provider for no Art. 49 registration and an Annex I deployer for no Art. 27 assessment', () => {
    const c = classify({ annexIProduct: true, operatorRole: 'provider_and_deployer', publicBody: true });
    expect(articlesOf(c, 'provider')?.filter((a) => a.startsWith('Art. 49'))).toEqual([]);
    expect(articlesOf(c, 'deployer')).toContain('Art. 26');
    expect(articlesOf(c, 'deployer')).not.toContain('Art. 27');
  });
});

describe('classifyIntake: Art. 50 transparency', () => {
  it.each([
    ['interacts_with_people', 'Art. 50(1)'],
    ['synthetic_content', 'Art. 50(2)'],
    ['biometric_categorisation', 'Art. 50(3)'],
    ['deep_fake', 'Art. 50(4)'],
    ['public_interest_text', 'Art. 50(4)'],
  ] as const)('puts a system with the %s duty in the transparency tier under %s', (duty, ref) => {
    const c = classify({ transparency: [duty] });
    expect(c.tier.value).toBe('transparency');
    expect(c.tier.refs).toEqual([ref]);
    expect(c.transparencyDuties.value).toEqual([duty]);
    expect(ids(c, 'eu-ai-act')).toContain(ref);
    expect(ids(c, 'iso-42001')).toContain('A.8.2');
    expect(c.cadence.days).toBe(DEFAULT_CLASSIFICATION_POLICY.cadenceDays.transparency);
  });

  it('keeps Art. 50 duties alongside the high-risk tier', () => {
    const c = classify({ annexIIIPoint: '4(a)', transparency: ['interacts_with_people', 'synthetic_content'] });
    expect(c.tier.value).toBe('high');
    expect(c.transparencyDuties.value).toEqual(['interacts_with_people', 'synthetic_content']);
    expect(ids(c, 'eu-ai-act')).toEqual(expect.arrayContaining(['Art. 9', 'Art. 50(1)', 'Art. 50(2)']));
  });

  it('tells a deployer that the provider carries Art. 50(1) and keeps the claim for the provider\'s evidence', () => {
    const c = classify({ operatorRole: 'deployer', transparency: ['interacts_with_people'] });
    expect(articlesOf(c, 'deployer')).toEqual(['Art. 4']);
    expect(c.requirements.find((r) => r.requirementId === 'Art. 50(1)')?.reason).toContain('binds the provider');
  });

  it('classifies a system with no Art. 5, Art. 6 or Art. 50 fact as minimal', () => {
    const c = classify();
    expect(c.tier.value).toBe('minimal');
    expect(c.tier.refs).toEqual(['Art. 4', 'Art. 95']);
    expect(c.transparencyDuties.value).toEqual([]);
    expect(c.cadence.days).toBe(DEFAULT_CLASSIFICATION_POLICY.cadenceDays.minimal);
  });
});

describe('classifyIntake: operator roles', () => {
  it.each([
    ['provider', ['provider'], ['Art. 16', 'Art. 17', 'Art. 43', 'Art. 47', 'Art. 48', 'Art. 49(1)', 'Art. 72', 'Art. 73', 'Art. 4']],
    ['deployer', ['deployer'], ['Art. 26', 'Art. 27', 'Art. 4']],
    ['provider_and_deployer', ['provider', 'deployer'], ['Art. 16', 'Art. 26']],
    ['importer', ['importer'], ['Art. 23']],
    ['distributor', ['distributor'], ['Art. 24']],
  ] as const)('gives the %s of a high-risk system its EU AI Act obligations', (operatorRole, roles, articles) => {
    const c = classify({ operatorRole, annexIIIPoint: '5(b)' });
    expect(c.roleObligations.map((r) => r.role)).toEqual(roles);
    expect(c.roleObligations.flatMap((r) => r.articles)).toEqual(expect.arrayContaining([...articles]));
    for (const obligation of c.roleObligations) expect(obligation.reason).toMatch(/Art\. \d+/);
  });

  it.each([
    ['provider', ['Art. 9', 'Art. 17', 'Art. 49(1)', 'Art. 72']],
    ['deployer', ['Art. 26']],
    ['importer', ['Art. 23']],
    ['distributor', ['Art. 24']],
  ] as const)('claims the high-risk articles addressed to a %s', (operatorRole, expected) => {
    expect(ids(classify({ operatorRole, annexIIIPoint: '4(b)' }), 'eu-ai-act')).toEqual(expect.arrayContaining([...expected]));
  });

  it('does not ask for a fundamental rights impact assessment for critical infrastructure (Annex III point 2)', () => {
    const c = classify({ operatorRole: 'deployer', annexIIIPoint: '2' });
    expect(articlesOf(c, 'deployer')).not.toContain('Art. 27');
    expect(ids(c, 'eu-ai-act')).not.toContain('Art. 27');
  });

  it.each(['importer', 'distributor'] as const)('gives a %s of a minimal-risk system no EU AI Act obligation', (operatorRole) => {
    const [obligation] = classify({ operatorRole }).roleObligations;
    expect(obligation?.articles).toEqual([]);
    expect(obligation?.reason).toContain('high-risk systems only');
  });

  it.each(OPERATOR_ROLES.map((r) => [r]))('gives a %s at least one role obligation entry with a reason', (operatorRole) => {
    const c = classify({ operatorRole });
    expect(c.roleObligations.length).toBeGreaterThan(0);
    for (const obligation of c.roleObligations) expect(obligation.reason.length).toBeGreaterThan(20);
  });
});

describe('classifyIntake: kind of work and primary source by trigger', () => {
  it.each([
    ['new_system', 'scope', 'iso-42001', ['4.3', 'GOVERN 1.6']],
    ['certification', 'scope', 'iso-42001', ['4.3', '9.2.2']],
    ['risk_review', 'risk', 'nist-ai-rmf', ['8.2', 'MANAGE 1.3']],
    ['customer_assurance', 'evidence', 'iso-42001', ['A.10.4', 'MANAGE 1.4']],
    ['incident', 'incident', 'iso-42001', ['10.2', 'MANAGE 4.3']],
    ['supplier_change', 'contract', 'iso-42001', ['A.10.3', 'GOVERN 6.1']],
    ['privacy', 'privacy', 'iso-42001', ['A.7.3', 'MEASURE 2.10']],
    ['law', 'ai_governance', 'iso-42001', ['4.1', 'GOVERN 1.1']],
    ['framework_mapping', 'ai_governance', 'nist-ai-rmf', ['6.1.3', 'GOVERN 1.4']],
    ['material_change', 'risk', 'iso-42001', ['6.3', 'MAP 1.4']],
  ] as const)('treats trigger %s as %s work led by %s when no EU obligation binds', (trigger, kind, primary, claims) => {
    const c = classify({ trigger });
    expect(c.workKind.value).toBe(kind);
    expect(c.workKind.reason).toContain(`trigger ${trigger}`);
    expect(c.primarySource.value).toBe(primary);
    expect(c.primarySource.reason).toContain('decision rule');
    expect(c.supportingSources).not.toContain(primary);
    expect(c.requirements.map((r) => r.requirementId)).toEqual(expect.arrayContaining([...claims]));
    expect(c.requirements[0]?.source).toBe(primary);
  });

  it('covers every trigger of the contract', () => {
    for (const trigger of TRIGGERS) expect(classify({ trigger }).workKind.reason).toContain(trigger);
  });

  it('treats certification of a deployed system as evidence work', () => {
    const c = classify({ trigger: 'certification', lifecycleStage: 'deployed' });
    expect(c.workKind.value).toBe('evidence');
  });

  it.each(TRIGGERS.map((t) => [t]))('lets the binding EU AI Act lead a high-risk system whatever the trigger (%s)', (trigger) => {
    const c = classify({ trigger, annexIIIPoint: '3(a)' });
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(c.supportingSources).toEqual(['iso-42001', 'nist-ai-rmf']);
  });

  it('claims Art. 73 serious-incident reporting for an incident on a high-risk provider\'s system', () => {
    expect(ids(classify({ trigger: 'incident', annexIIIPoint: '5(d)' }), 'eu-ai-act')).toContain('Art. 73');
    expect(ids(classify({ trigger: 'incident' }), 'eu-ai-act')).not.toContain('Art. 73');
  });
});

describe('classifyIntake: no EU nexus', () => {
  it.each([
    ['a prohibited practice', { prohibitedPractice: '5(1)(e)' }, 'prohibited'],
    ['an Annex III system', { annexIIIPoint: '4(a)' }, 'high'],
    ['an Annex I product', { annexIProduct: true }, 'high'],
    ['a chatbot', { transparency: ['interacts_with_people'] }, 'transparency'],
    ['an ordinary system', {}, 'minimal'],
  ] as const)('still computes the tier of %s for information, but never lets the EU AI Act lead or bind', (_, overrides, tier) => {
    const c = classify({ ...(overrides as Partial<SystemFactsInput>), euNexus: false });
    expect(c.tier.value).toBe(tier);
    if (tier !== 'minimal') expect(c.tier.reason).toContain('does not bind');
    expect(c.primarySource.value).not.toBe('eu-ai-act');
    expect(c.supportingSources).not.toContain('eu-ai-act');
    expect(ids(c, 'eu-ai-act')).toEqual([]);
    for (const obligation of c.roleObligations) expect(obligation.articles).toEqual([]);
  });

  it('uses the computed tier as a risk signal for the review cadence', () => {
    const c = classify({ annexIIIPoint: '4(a)', euNexus: false });
    expect(c.cadence.days).toBe(DEFAULT_CLASSIFICATION_POLICY.cadenceDays.high);
    expect(c.cadence.reason).toContain('risk signal');
  });
});

describe('classifyIntake: a retired system', () => {
  it('asks a retired system for no evidence, and says so', () => {
    const c = classify({ lifecycleStage: 'retired', annexIIIPoint: '4(a)', dataCategories: ['personal'] });
    expect(c.requirements).toEqual([]);
    expect(c.reasons.some((r) => r.startsWith('Retirement rule: the system is retired, so no evidence is requested'))).toBe(true);
    expect(c.tier.value).toBe('high');
  });

  it('keeps the stop-and-decide claims of a retired system that practised a prohibited practice', () => {
    expect(classify({ lifecycleStage: 'retired', prohibitedPractice: '5(1)(c)' }).requirements.length).toBeGreaterThan(0);
  });
});

describe('classifyIntake: requirements from the facts', () => {
  it.each([
    ['personal data', { dataCategories: ['personal'] }, ['A.7.3', 'A.7.5', 'MEASURE 2.10'], ['A.5.4']],
    ['sensitive data', { dataCategories: ['sensitive'] }, ['A.7.3', 'A.5.4', 'MEASURE 2.11'], []],
    ['biometric data', { dataCategories: ['biometric'] }, ['A.7.5', 'A.5.4'], []],
    ["children's data", { dataCategories: ['children'] }, ['MEASURE 2.10', 'MEASURE 2.11'], []],
    ['no personal data', { dataCategories: ['none'] }, [], ['A.7.3', 'MEASURE 2.10']],
    ['a supplier', { supplier: 'Acme Models' }, ['A.10.3', 'GOVERN 6.1', 'MANAGE 3.1'], ['GOVERN 6.2']],
    ['a supplier of a high-risk system', { supplier: 'Acme Models', annexIIIPoint: '4(a)' }, ['GOVERN 6.1', 'GOVERN 6.2'], []],
    ['described human oversight', { humanOversight: 'A reviewer approves every ranking' }, ['MAP 3.5'], []],
    ['a monitoring signal', { monitoringSignal: 'Weekly drift report' }, ['A.6.2.6', 'MEASURE 2.4', 'MANAGE 4.1'], []],
    ['a deployed system', { lifecycleStage: 'deployed' }, ['A.6.2.6', 'MANAGE 4.1'], []],
    ['a provider', { operatorRole: 'provider' }, ['A.6.2.4', 'A.6.2.7', 'MAP 2.2'], ['A.9.2']],
    ['a deployer', { operatorRole: 'deployer' }, ['A.9.2', 'MAP 3.4'], ['A.6.2.4']],
    ['a high-risk system', { annexIIIPoint: '6(c)' }, ['A.5.4', 'A.5.5', 'MAP 5.1', 'MEASURE 2.11', 'MAP 3.5'], []],
  ] as const)('claims the right requirements for %s', (_, overrides, present, absent) => {
    const claimed = classify(overrides as Partial<SystemFactsInput>).requirements.map((r) => r.requirementId);
    expect(claimed).toEqual(expect.arrayContaining([...present]));
    for (const id of absent) expect(claimed).not.toContain(id);
  });

  it('claims the baseline for every AI system', () => {
    const c = classify();
    expect(ids(c, 'iso-42001')).toEqual(expect.arrayContaining(['6.1.4', 'A.5.2', 'A.9.4']));
    expect(ids(c, 'nist-ai-rmf')).toEqual(expect.arrayContaining(['GOVERN 1.1', 'MAP 1.1', 'MEASURE 2.3', 'MANAGE 1.1']));
    expect(ids(c, 'eu-ai-act')).toEqual(['Art. 4']);
  });

  it('claims only stop-and-decide requirements for a prohibited system', () => {
    const c = classify({ prohibitedPractice: '5(1)(a)', supplier: 'Acme', dataCategories: ['personal'], lifecycleStage: 'deployed' });
    expect(c.requirements.map((r) => r.requirementId)).toEqual([
      'Art. 5(1)(a)', '6.1.4', '10.2', 'A.5.4', 'A.9.4', 'GOVERN 1.1', 'GOVERN 1.7', 'MANAGE 1.1', 'MANAGE 2.4',
    ]);
  });
});

/** Every combination the tests above use, and a few with everything set at once. */
const SAMPLE_FACTS: Partial<SystemFactsInput>[] = [
  {},
  ...PROHIBITED_PRACTICES.map((prohibitedPractice) => ({ prohibitedPractice })),
  ...ANNEX_III_POINTS.map((annexIIIPoint) => ({ annexIIIPoint })),
  ...ART6_3_CONDITIONS.flatMap((art63Condition) => [false, true].map((profiling) => ({ annexIIIPoint: '4(a)' as const, art63Condition, profiling }))),
  ...OPERATOR_ROLES.flatMap((operatorRole) => [{ operatorRole }, { operatorRole, annexIIIPoint: '5(a)' as const }, { operatorRole, euNexus: false }]),
  ...TRIGGERS.map((trigger) => ({ trigger })),
  ...TRANSPARENCY_DUTIES.map((duty) => ({ transparency: [duty] })),
  { annexIProduct: true },
  {
    operatorRole: 'provider_and_deployer', annexIIIPoint: '4(a)', dataCategories: ['personal', 'sensitive', 'children'],
    supplier: 'Acme', transparency: [...TRANSPARENCY_DUTIES], humanOversight: 'HR review', monitoringSignal: 'Drift',
    lifecycleStage: 'deployed', trigger: 'incident',
  },
  { operatorRole: 'deployer', annexIIIPoint: '1(c)', art63Condition: 'c', dataCategories: ['biometric'], euNexus: false, trigger: 'privacy' },
];

describe('classifyIntake: every classification', () => {
  const all = SAMPLE_FACTS.map((overrides) => [JSON.stringify(overrides), classify(overrides)] as const);

  it.each(all)('names only requirements that exist in the catalog, each with a summary and a reason (%s)', (_, c) => {
    for (const r of c.requirements) {
      expect(isKnownRequirement(r.source, r.requirementId), `${r.source} ${r.requirementId}`).toBe(true);
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.summary.length).toBeGreaterThan(20);
      expect(r.summary.length).toBeLessThanOrEqual(200);
      expect(r.reason).toMatch(/rule: .+\.$/);
    }
    const keys = c.requirements.map((r) => `${r.source}|${r.requirementId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(all)('keeps between 8 and 50 claims even with every fact set (%s)', (_, c) => {
    expect(c.requirements.length).toBeGreaterThanOrEqual(8);
    expect(c.requirements.length).toBeLessThanOrEqual(50);
  });

  it.each(all)('gives a reason for every outcome, in order, each a sentence citing its rule (%s)', (_, c) => {
    const head = [c.tier.reason, c.transparencyDuties.reason, c.workKind.reason, c.primarySource.reason];
    let at = -1;
    for (const reason of [...head, ...c.roleObligations.map((r) => r.reason), c.cadence.reason]) {
      const next = c.reasons.indexOf(reason, at + 1);
      expect(next, reason).toBeGreaterThan(at);
      at = next;
    }
    for (const reason of c.reasons) {
      expect(reason).toMatch(/^[A-Z].*\.$/);
      expect(reason).toMatch(/Art\. \d|ISO\/IEC|NIST|rule|policy/);
    }
    expect(c.tier.refs.length + (c.tier.value === 'minimal' ? 1 : 0)).toBeGreaterThan(0);
  });

  it.each(all)('lists the primary source first and never as supporting (%s)', (_, c) => {
    expect(c.requirements[0]?.source).toBe(c.primarySource.value);
    expect(c.supportingSources).not.toContain(c.primarySource.value);
  });
});

describe('classifyIntake: claim count of typical systems', () => {
  it.each([
    ['a minimal-risk system in development', {}],
    ['a deployed third-party chatbot', { operatorRole: 'deployer', transparency: ['interacts_with_people'], supplier: 'Acme', lifecycleStage: 'deployed' }],
    ['a high-risk hiring model built in house', { annexIIIPoint: '4(a)', dataCategories: ['personal'], lifecycleStage: 'deployed' }],
    ['a high-risk credit model bought in', { operatorRole: 'deployer', annexIIIPoint: '5(b)', dataCategories: ['personal'], supplier: 'Acme' }],
  ] as const)('claims roughly 8 to 30 requirements for %s', (_, overrides) => {
    const count = classify(overrides as Partial<SystemFactsInput>).requirements.length;
    expect(count).toBeGreaterThanOrEqual(8);
    // A high-risk provider owes Art. 9-15, 17, 49 and 72 on top of the management-system claims.
    expect(count).toBeLessThanOrEqual(36);
  });
});

describe('classifyIntake: determinism and policy', () => {
  it('returns the same classification for the same facts, whatever the order of list values', () => {
    const a = classify({ dataCategories: ['personal', 'children'], transparency: ['deep_fake', 'interacts_with_people'], annexIIIPoint: '3(a)' });
    const b = classify({ dataCategories: ['children', 'personal'], transparency: ['interacts_with_people', 'deep_fake'], annexIIIPoint: '3(a)' });
    expect(b).toEqual(a);
  });

  it('takes review cadences from the policy it is given', () => {
    const policy = { cadenceDays: { high: 30, transparency: 60, minimal: 120, gpai: 45, gpai_systemic: 15 } };
    expect(classifyIntake(facts({ annexIIIPoint: '4(a)' }), policy).cadence.days).toBe(30);
    expect(classifyIntake(facts({ transparency: ['deep_fake'] }), policy).cadence.days).toBe(60);
    expect(classifyIntake(facts(), policy).cadence.days).toBe(120);
    expect(classifyIntake(facts({ prohibitedPractice: '5(1)(b)' }), policy).cadence.days).toBeNull();
    expect(classifyIntake(facts({ gpaiModel: 'yes' }), policy).cadence.days).toBe(45);
    expect(classifyIntake(facts({ gpaiModel: 'systemic' }), policy).cadence.days).toBe(15);
  });

  it('defaults to reviews every 90, 180 and 365 days, and 180 and 90 for general-purpose AI models', () => {
    expect(DEFAULT_CLASSIFICATION_POLICY.cadenceDays).toEqual({ high: 90, transparency: 180, minimal: 365, gpai: 180, gpai_systemic: 90 });
  });
});
