import { describe, expect, it } from 'vitest';
import type { SystemSnapshot } from '../../../src/domain/evidence-reuse.js';
import { evidenceAfterChange, reviewTriggerForChange } from '../../../src/domain/material-change.js';

const recorded: SystemSnapshot = { purpose: 'Ranks applicants', lifecycleStage: 'validation', operatorRole: 'deployer', supplier: 'Acme', dataCategories: ['personal'], riskTier: 'high' };

describe('evidenceAfterChange', () => {
  it('keeps evidence current when nothing it depends on changed', () => {
    expect(evidenceAfterChange({ recorded, current: { ...recorded, purpose: '  ranks   APPLICANTS ' }, declared: [] })).toEqual({ stale: false });
  });

  it('marks evidence stale with the measured change as the reason', () => {
    expect(evidenceAfterChange({ recorded, current: { ...recorded, supplier: 'Globex' }, declared: [] })).toEqual({
      stale: true, causes: ['supplier'],
      reason: 'Material change: the supplier changed from "Acme" to "Globex". Evidence that depends on the old facts is stale and must be renewed.',
    });
  });

  it('takes an aspect reported without new values as changed', () => {
    const outcome = evidenceAfterChange({ recorded, current: recorded, declared: ['data_type', 'risk'] });
    expect(outcome).toEqual({
      stale: true, causes: ['data_type', 'risk'],
      reason: 'Material change: a change was reported to the data it processes and the risk or classification. Evidence collected before it is stale and must be renewed.',
    });
  });

  it('names both the measured change and the reported one', () => {
    const outcome = evidenceAfterChange({ recorded, current: { ...recorded, lifecycleStage: 'deployed' }, declared: ['data_type'] });
    expect(outcome.stale && outcome.causes).toEqual(['scope', 'data_type']);
    expect(outcome.stale && outcome.reason).toMatch(/lifecycle stage changed from validation to deployed\. .* Also, a change was reported to the data it processes\.$/);
  });
});

describe('reviewTriggerForChange', () => {
  it.each([
    ['validation', 'deployed', 'deployed'],
    ['deployed', 'retired', 'retired'],
    ['design', 'development', 'materially_changed'],
    ['deployed', 'deployed', 'materially_changed'],
  ] as const)('%s → %s calls for a %s review', (lifecycleBefore, lifecycleAfter, trigger) => {
    expect(reviewTriggerForChange({ lifecycleBefore, lifecycleAfter })).toBe(trigger);
  });
});
