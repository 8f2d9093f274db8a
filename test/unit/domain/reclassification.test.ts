import { describe, expect, it } from 'vitest';
import { classifyIntake } from '../../../src/domain/classify-intake.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { bindingSourcesOf, datesIn, diffClassification, overriddenOutcomes, statutoryDatesOf } from '../../../src/domain/reclassification.js';

const facts = (o: Partial<SystemFactsInput> = {}) => SystemFacts.parse({
  name: 'Resume screener', purpose: 'Ranks job applications.', owner: 'U0OWNER', lifecycleStage: 'deployed', operatorRole: 'deployer', ...o,
});
const highRisk = classifyIntake(facts({ annexIIIPoint: '4(a)' }));
const minimal = classifyIntake(facts());
/** A stored classification as JSON, the way the database gives it back. */
const stored = (c: unknown) => JSON.parse(JSON.stringify(c)) as Record<string, unknown>;

describe('diffClassification', () => {
  it('finds nothing to tell when the stored classification computes the same outcome', () => {
    expect(diffClassification(stored(highRisk), highRisk)).toBeNull();
  });

  it('ignores reworded reasons that carry no date', () => {
    const old = stored(highRisk);
    old.reasons = (old.reasons as string[]).map((r) => `${r} (worded differently)`);
    expect(diffClassification(old, highRisk)).toBeNull();
  });

  it('reports a tier change with the new tier reason', () => {
    const change = diffClassification(stored(minimal), highRisk)!;
    expect(change.kinds).toContain('tier');
    expect(change.tier).toEqual({ from: 'minimal', to: 'high', reason: highRisk.tier.reason });
    expect(change.reason).toBe(highRisk.tier.reason);
    expect(change.cadence).toEqual({ from: minimal.cadence.days, to: highRisk.cadence.days });
  });

  it('compares requirements by source and id, listing those added and those that no longer apply', () => {
    const old = stored(highRisk);
    const reqs = old.requirements as { source: string; requirementId: string }[];
    const dropped = reqs[0]!;
    old.requirements = [...reqs.slice(1), { source: 'eu-ai-act', requirementId: 'Art. 99', title: 'Old duty', summary: 'x', reason: 'Old rule.' }];
    const change = diffClassification(old, highRisk)!;
    expect(change.kinds).toEqual(['requirements']);
    expect(change.requirements.added.map((r) => `${r.source}|${r.requirementId}`)).toEqual([`${dropped.source}|${dropped.requirementId}`]);
    expect(change.requirements.removed.map((r) => r.requirementId)).toEqual(['Art. 99']);
    expect(change.requirements.kept).toBe(reqs.length - 1);
    expect(change.reason).toMatch(/1 requirement now applies/);
  });

  it('reports moved dates in the reasons, and gives the reason that carries the new date', () => {
    // Both without structured dates: the shape of a classification stored before they were recorded.
    const old = stored(highRisk);
    delete old.statutoryDates;
    const next = structuredClone(highRisk) as Omit<typeof highRisk, "statutoryDates"> & { statutoryDates?: unknown };
    delete next.statutoryDates;
    const undated = (reasons: string[]) => reasons.filter((r) => datesIn(r).length === 0);
    next.reasons = [...undated(next.reasons), 'High-risk obligations apply from 2 Dec 2027 (moved from 2 Aug 2026 by Regulation (EU) 2026/1744).'];
    old.reasons = [...undated(old.reasons as string[]), 'High-risk obligations apply from 2 August 2026.'];
    const change = diffClassification(old, next as typeof highRisk)!;
    expect(change.kinds).toEqual(['dates']);
    expect(change.dates.from).toContain('2026-08-02');
    // The day it moved from is named, but is no longer one of the system's dates.
    expect(change.dates.to).toEqual(['2027-12-02']);
    expect(change.reason).toMatch(/2 Dec 2027/);
  });

  it('compares binding sources when either side has them, whatever their shape', () => {
    const next = Object.assign(structuredClone(highRisk), { bindingSources: [{ value: 'eu-ai-act', reason: 'x' }, 'co-sb26-189'] });
    const old = stored(highRisk);
    delete old.bindingSources;
    const change = diffClassification(old, next)!;
    expect(change.kinds).toEqual(['binding_sources']);
    expect(change.bindingSources).toEqual({ from: [], to: ['co-sb26-189', 'eu-ai-act'] });
    expect(diffClassification(stored(next), next)).toBeNull();
  });

  it('reads a stored classification of an older shape without failing', () => {
    const change = diffClassification({ tier: 'high', primarySource: 'eu-ai-act' }, minimal)!;
    expect(change.tier).toMatchObject({ from: 'high', to: 'minimal' });
    expect(change.requirements.removed).toEqual([]);
    expect(diffClassification(null, minimal)!.tier.from).toBeNull();
  });
});

describe('dates and overrides', () => {
  it.each([
    ['applies from 2 Dec 2027', ['2027-12-02']],
    ['from 2 August 2028 and 2026-12-02', ['2028-08-02', '2026-12-02']],
    ['Art. 5(1)(ba) and Regulation (EU) 2026/1744', []],
  ])('datesIn(%j)', (text, dates) => expect(datesIn(text)).toEqual(dates));

  it('reads dates of dated obligations too', () => {
    expect(statutoryDatesOf({ reasons: [], datedObligations: [{ ref: 'Art. 26', appliesFrom: '2027-12-02' }] })).toEqual(['2027-12-02']);
    expect(bindingSourcesOf({ bindingSources: { value: ['eu-ai-act'] } })).toEqual(['eu-ai-act']);
  });

  it('keeps the latest override of each outcome', () => {
    const o = overriddenOutcomes([{ outcome: 'tier', to: 'high' }, { outcome: 'tier', to: 'minimal' }, { nonsense: true }]);
    expect([...o.keys()]).toEqual(['tier']);
    expect(o.get('tier')!.to).toBe('minimal');
  });
});

describe('what classifyIntake depends on', () => {
  // reclassifyInventory classifies each distinct set of facts once: this holds it to facts, not names.
  it('gives the same classification whatever the system is called, what it is for, or who owns it', () => {
    const a = classifyIntake(facts({ annexIIIPoint: '4(a)', transparency: ['interacts_with_people'] }));
    const b = classifyIntake(facts({ name: 'Another name', purpose: 'Something else entirely.', owner: 'U0SOMEONE', annexIIIPoint: '4(a)', transparency: ['interacts_with_people'] }));
    expect(b).toEqual(a);
  });
});
