import { describe, expect, it } from 'vitest';
import { classifyIntake, type Classification } from '../../../src/domain/classify-intake.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import {
  ART25_PROVIDER_CASES, GPAI_MODEL_VALUES, OPERATOR_ROLES, SCOPE_EXCLUSIONS, type Source,
} from '../../../src/domain/vocabulary.js';

// The EU AI Act as amended by Regulation (EU) 2026/1744, one rule per block, each case standing alone.

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
const eu = (c: Classification) => c.requirements.filter((r) => r.source === 'eu-ai-act').map((r) => r.requirementId);
const articlesOf = (c: Classification, role: string) => c.roleObligations.find((r) => r.role === role)?.articles ?? [];
const dateIds = (c: Classification) => c.statutoryDates.map((d) => d.dateId);
const binding = (c: Classification): Source[] => c.bindingSources;

describe('Art. 5 as amended: points (ba) and (bb)', () => {
  it.each(['5(1)(ba)', '5(1)(bb)'] as const)('prohibits Art. %s from the date the amendment gives it', (point) => {
    const c = classify({ prohibitedPractice: point });
    expect(c.tier.value).toBe('prohibited');
    expect(c.tier.reason).toContain('applying from 2 Dec 2026');
    expect(dateIds(c)).toEqual(['d-2026-12-02-art5-new']);
    expect(eu(c)).toEqual([`Art. ${point}`]);
  });

  it('keeps the original points applying from the date Chapter II first applied', () => {
    expect(dateIds(classify({ prohibitedPractice: '5(1)(a)' }))).toEqual(['d-2025-02-02-ch-i-ii']);
  });
});

describe('emotion recognition', () => {
  it('makes emotion recognition that Art. 5(1)(f) does not prohibit an Annex III point 1(c) high-risk system', () => {
    const c = classify({ operatorRole: 'deployer', transparency: ['emotion_recognition'] });
    expect(c.tier.value).toBe('high');
    expect(c.tier.refs).toEqual(['Art. 6(2)', 'Annex III(1)(c)']);
    expect(c.tier.reason).toContain('Art. 5(1)(f) does not prohibit');
    expect(eu(c)).toEqual(expect.arrayContaining(['Art. 26', 'Art. 50(3)']));
  });

  it('keeps emotion recognition at work prohibited under Art. 5(1)(f)', () => {
    expect(classify({ transparency: ['emotion_recognition'], prohibitedPractice: '5(1)(f)' }).tier.value).toBe('prohibited');
  });
});

describe('Annex I sections A and B', () => {
  it.each([
    ['a', 'high', ['eu-ai-act'], 'eu-ai-act'],
    ['b', 'high', [], 'iso-42001'],
  ] as const)('Section %s: tier %s, binding %j, primary %s', (section, tier, sources, primary) => {
    const c = classify({ annexIProduct: true, annexISection: section });
    expect(c.tier.value).toBe(tier);
    expect(binding(c)).toEqual(sources);
    expect(c.primarySource.value).toBe(primary);
  });

  it('says why a Section B product is not bound beyond Art. 6(1) classification (Art. 2(2) as replaced)', () => {
    const c = classify({ annexIProduct: true, annexISection: 'b', transparency: ['interacts_with_people'] });
    expect(c.tier.reason).toContain('Art. 2(2) as replaced by Regulation (EU) 2026/1744');
    expect(c.tier.reason).toContain('for information only');
    expect(eu(c)).toEqual([]);
    expect(c.statutoryDates).toEqual([]);
    expect(c.primarySource.reason).toContain('cannot lead');
  });

  it('assumes Section A when the section is not given', () => {
    const c = classify({ annexIProduct: true });
    expect(c.tier.refs).toContain('Annex I Section A');
    expect(binding(c)).toEqual(['eu-ai-act']);
  });

  it('classifies a Section B product with an Annex III use under Art. 6(2)', () => {
    const c = classify({ annexIProduct: true, annexISection: 'b', annexIIIPoint: '2' });
    expect(c.tier.refs).toContain('Art. 6(2)');
    expect(binding(c)).toEqual(['eu-ai-act']);
  });

  it('refuses a section without an Annex I product', () => {
    const parsed = SystemFacts.safeParse({ name: 'x', purpose: 'y', owner: 'U0OWNER1', lifecycleStage: 'design', operatorRole: 'provider', annexISection: 'b' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['annexISection']);
  });
});

describe('Art. 2 scope exclusions', () => {
  it.each(SCOPE_EXCLUSIONS.map((x) => [x]))('gives every exclusion value (%s) a stated outcome', (scopeExclusion) => {
    const c = classify({ scopeExclusion, annexIIIPoint: '4(a)' });
    expect(c.tier.value).toBe('high');
    expect(c.tier.reason.length).toBeGreaterThan(40);
  });

  it.each([
    ['military', 'Art. 2(3)'],
    ['research', 'Art. 2(6)'],
  ] as const)('takes a %s system out of the Act (%s), keeping its tier as a risk signal', (scopeExclusion, ref) => {
    const c = classify({ scopeExclusion, annexIIIPoint: '6(a)' });
    expect(c.tier.value).toBe('high');
    expect(c.tier.reason).toContain(ref);
    expect(c.tier.reason).toContain('for information only');
    expect(binding(c)).toEqual([]);
    expect(eu(c)).toEqual([]);
    expect(c.supportingSources).not.toContain('eu-ai-act');
  });

  it('says a dual-use system stays in scope when the military exclusion is claimed', () => {
    expect(classify({ scopeExclusion: 'military' }).tier.reason).toContain('dual-use system also put to civilian use stays in scope');
  });

  it('lifts only the deployer obligations for purely personal use (Art. 2(10)), keeping the provider bound', () => {
    const both = classify({ scopeExclusion: 'personal', operatorRole: 'provider_and_deployer', annexIIIPoint: '4(a)' });
    expect(binding(both)).toEqual(['eu-ai-act']);
    expect(articlesOf(both, 'provider')).toContain('Art. 16');
    expect(articlesOf(both, 'deployer')).toEqual([]);
    expect(eu(both)).not.toContain('Art. 26');
    const deployer = classify({ scopeExclusion: 'personal', operatorRole: 'deployer', annexIIIPoint: '4(a)' });
    expect(binding(deployer)).toEqual([]);
  });

  it.each([
    ['a minimal system', {}, []],
    ['a system with an Art. 50 duty', { transparency: ['synthetic_content'] }, ['eu-ai-act']],
    ['a high-risk system', { annexIIIPoint: '3(a)' }, ['eu-ai-act']],
    ['a prohibited practice', { prohibitedPractice: '5(1)(e)' }, ['eu-ai-act']],
  ] as const)('applies the open-source exclusion (Art. 2(12)) to %s: binding %j', (_, overrides, sources) => {
    const c = classify({ scopeExclusion: 'open_source', ...(overrides as Partial<SystemFactsInput>) });
    expect(binding(c)).toEqual(sources);
    expect(c.tier.reason).toContain('Art. 2(12)');
  });
});

describe('general-purpose AI models', () => {
  it.each(GPAI_MODEL_VALUES.map((v) => [v]))('gives gpai_model %s its tier', (gpaiModel) => {
    const c = classify({ gpaiModel });
    expect(c.tier.value).toBe({ no: 'minimal', yes: 'gpai', systemic: 'gpai_systemic' }[gpaiModel]);
  });

  it('asks the provider of a model for Art. 53(1)(a)-(d) from the Chapter V date', () => {
    const c = classify({ gpaiModel: 'yes' });
    expect(eu(c)).toEqual(expect.arrayContaining(['Art. 53(1)(a)', 'Art. 53(1)(b)', 'Art. 53(1)(c)', 'Art. 53(1)(d)']));
    expect(eu(c)).not.toContain('Art. 55(1)(a)');
    expect(c.primarySource.value).toBe('eu-ai-act');
    expect(dateIds(c)).toEqual(expect.arrayContaining(['d-2025-08-02-gpai-governance-penalties', 'd-2027-08-02-gpai-legacy']));
  });

  it('lifts Art. 53(1)(a) and (b) for an open-source model (Art. 53(2)) but keeps (c) and (d)', () => {
    const c = classify({ gpaiModel: 'yes', scopeExclusion: 'open_source' });
    expect(eu(c)).toEqual(expect.arrayContaining(['Art. 53(1)(c)', 'Art. 53(1)(d)']));
    expect(eu(c)).not.toContain('Art. 53(1)(a)');
    expect(eu(c)).not.toContain('Art. 53(1)(b)');
    expect(binding(c)).toEqual(['eu-ai-act']);
  });

  it('adds Art. 52 notification and Art. 55 for systemic risk, and the open-source exception does not apply', () => {
    const c = classify({ gpaiModel: 'systemic', scopeExclusion: 'open_source' });
    expect(eu(c)).toEqual(expect.arrayContaining(['Art. 52', 'Art. 53(1)(a)', 'Art. 53(1)(b)', 'Art. 55(1)(a)', 'Art. 55(1)(d)']));
    expect(articlesOf(c, 'provider').join(' ')).toContain('Art. 55(1)(b)');
  });

  it.each([
    ['an Annex III point', { annexIIIPoint: '4(a)' }],
    ['an Annex I product', { annexIProduct: true }],
    ['a deployer role', { operatorRole: 'deployer' }],
  ] as const)('refuses a model with %s', (_, overrides) => {
    const parsed = SystemFacts.safeParse({ name: 'x', purpose: 'y', owner: 'U0OWNER1', lifecycleStage: 'design', operatorRole: 'provider', gpaiModel: 'yes', ...overrides });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain('gpaiModel');
  });
});

describe('Art. 25: becoming the provider', () => {
  it.each(ART25_PROVIDER_CASES.filter((c) => c !== 'none').map((c) => [c]))('makes a deployer the provider of a high-risk system (%s)', (art25Provider) => {
    const c = classify({ operatorRole: 'deployer', art25Provider, annexIIIPoint: '4(a)' });
    expect(c.roleObligations.map((r) => r.role)).toEqual(['deployer', 'provider']);
    expect(articlesOf(c, 'provider')).toContain('Art. 16');
    expect(eu(c)).toEqual(expect.arrayContaining(['Art. 9', 'Art. 17', 'Art. 26']));
    expect(c.reasons.some((r) => r.includes('Art. 25(1)'))).toBe(true);
  });

  it('leaves a deployer of a system that is not high-risk in its own role, saying why', () => {
    const c = classify({ operatorRole: 'deployer', art25Provider: 'own_name' });
    expect(c.roleObligations.map((r) => r.role)).toEqual(['deployer']);
    expect(c.reasons.some((r) => r.includes('only of a high-risk system'))).toBe(true);
  });

  it.each(['provider', 'provider_and_deployer'] as const)('refuses Art. 25 for a %s', (operatorRole) => {
    const parsed = SystemFacts.safeParse({ name: 'x', purpose: 'y', owner: 'U0OWNER1', lifecycleStage: 'design', operatorRole, art25Provider: 'own_name' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['art25Provider']);
  });
});

describe('Art. 27 fundamental rights impact assessment', () => {
  it.each([
    ['a private deployer of Annex III 4(a)', { annexIIIPoint: '4(a)' }, false],
    ['a public body deploying Annex III 4(a)', { annexIIIPoint: '4(a)', publicBody: true }, true],
    ['any deployer of Annex III 5(b)', { annexIIIPoint: '5(b)' }, true],
    ['any deployer of Annex III 5(c)', { annexIIIPoint: '5(c)' }, true],
    ['a public body deploying Annex III point 2', { annexIIIPoint: '2', publicBody: true }, false],
    ['a public body deploying an Annex I product', { annexIProduct: true, publicBody: true }, false],
  ] as const)('%s: assessment %s', (_, overrides, expected) => {
    const c = classify({ operatorRole: 'deployer', ...(overrides as Partial<SystemFactsInput>) });
    expect(eu(c).includes('Art. 27')).toBe(expected);
    expect(articlesOf(c, 'deployer').includes('Art. 27')).toBe(expected);
  });
});

describe('Art. 49 registration and Art. 72 post-market monitoring', () => {
  it.each([
    ['provider', { annexIIIPoint: '4(a)' }, ['Art. 49(1)']],
    ['provider', { annexIIIPoint: '2' }, ['Art. 49(5)']],
    ['provider', { annexIProduct: true }, []],
    ['deployer', { annexIIIPoint: '4(a)', publicBody: true }, ['Art. 49(3)']],
    ['deployer', { annexIIIPoint: '4(a)' }, []],
    ['provider', { annexIIIPoint: '4(a)', art63Condition: 'a' }, ['Art. 49(2)']],
  ] as const)('a %s with %j registers under %j', (operatorRole, overrides, expected) => {
    const c = classify({ operatorRole, ...(overrides as Partial<SystemFactsInput>) });
    expect(eu(c).filter((id) => id.startsWith('Art. 49'))).toEqual(expected);
  });

  it.each([
    ['provider', true],
    ['deployer', false],
    ['importer', false],
  ] as const)('a %s of a high-risk system claims Art. 72: %s', (operatorRole, expected) => {
    expect(eu(classify({ operatorRole, annexIIIPoint: '6(c)' })).includes('Art. 72')).toBe(expected);
  });
});

describe('Art. 50 duties count for the primary source only when addressed to this role', () => {
  it.each([
    ['provider', ['interacts_with_people'], 'eu-ai-act'],
    ['deployer', ['interacts_with_people'], 'iso-42001'],
    ['deployer', ['deep_fake'], 'eu-ai-act'],
    ['provider', ['deep_fake'], 'iso-42001'],
    ['importer', ['synthetic_content'], 'iso-42001'],
  ] as const)('a %s with %j leads with %s', (operatorRole, transparency, primary) => {
    const c = classify({ operatorRole, transparency: [...transparency] });
    expect(c.tier.value).toBe('transparency');
    expect(c.primarySource.value).toBe(primary);
    expect(binding(c)).toEqual(primary === 'eu-ai-act' ? ['eu-ai-act'] : []);
  });
});

describe('Art. 4 in its amended wording', () => {
  it('asks providers and deployers to take measures to support AI literacy, with no guaranteed level', () => {
    const c = classify({ operatorRole: 'deployer' });
    const literacy = c.requirements.find((r) => r.requirementId === 'Art. 4');
    expect(literacy?.reason).toContain('take measures to support the development of AI literacy of their staff');
    expect(literacy?.reason).toContain('Regulation (EU) 2026/1744');
    expect(c.reasons.join(' ')).not.toContain('sufficient level');
  });

  it('does not make the Act the binding source of a minimal system on AI literacy alone', () => {
    const c = classify();
    expect(eu(c)).toEqual(['Art. 4']);
    expect(binding(c)).toEqual([]);
    expect(c.primarySource.value).toBe('iso-42001');
  });
});

describe('statutory dates', () => {
  it('says once that the Annex III date moved, and from when', () => {
    const c = classify({ annexIIIPoint: '4(a)' });
    const date = c.statutoryDates.find((d) => d.dateId === 'd-2027-12-02-annex-iii');
    expect(date?.reason).toContain('2 Dec 2027');
    expect(date?.reason).toContain('moved from 2 Aug 2026 by Regulation (EU) 2026/1744');
    expect(c.reasons.filter((r) => r.includes('moved from'))).toHaveLength(1);
  });

  it('has no statutory date where the Act does not bind', () => {
    expect(classify({ euNexus: false, annexIIIPoint: '4(a)' }).statutoryDates).toEqual([]);
  });

  it.each(OPERATOR_ROLES.map((r) => [r]))('gives a %s of a high-risk system dates in order', (operatorRole) => {
    const days = classify({ operatorRole, annexIIIPoint: '5(a)' }).statutoryDates.map((d) => d.date);
    expect(days).toEqual([...days].sort());
  });
});
