import { describe, expect, it } from 'vitest';
import { buildReclassificationSummary, buildReclassifiedDm, changeLines, type ReclassifiedSystem } from '../../../../src/slack/views/reclassification.js';
import type { ClassificationChange } from '../../../../src/domain/reclassification.js';

const change = (o: Partial<ClassificationChange> = {}): ClassificationChange => ({
  kinds: ['tier', 'dates'], tier: { from: 'transparency', to: 'high', reason: 'Annex III 1(c).' }, primarySource: { from: 'eu-ai-act', to: 'eu-ai-act', reason: 'x' },
  bindingSources: { from: [], to: [] }, requirements: { added: [], removed: [], kept: 10 }, cadence: { from: 180, to: 90 },
  dates: { from: ['2026-08-02'], to: ['2027-12-02'] }, reason: 'High-risk obligations apply from 2 Dec 2027 (moved from 2 Aug 2026).', ...o,
});
const system = (i: number, o: Partial<ReclassifiedSystem> = {}): ReclassifiedSystem => ({
  systemId: `sys_${i}`, name: `System <${i}>`, ownerId: 'U0OWNER1', change: change(), reviewId: `rev_${i}`, overrides: [], ...o,
});
const texts = (blocks: readonly object[]) => JSON.stringify(blocks);

describe('the re-classification DM', () => {
  it('lists each changed system old → new with the reason and a Start review button, escaping names', () => {
    const dm = buildReclassifiedDm({ ownerId: 'U0OWNER1', systems: [system(1)], rulesVersion: 'classify-intake/2' });
    expect(dm.text).toMatch(/^1 of your AI systems was reclassified/);
    const body = texts(dm.blocks);
    expect(body).toContain('High-risk');
    expect(body).toContain('→');
    expect(body).toContain('moved from 2 Aug 2026');
    expect(body).toContain('System &lt;1&gt;');
    expect(body).toContain('"action_id":"aigov_start_review","value":"rev_1"');
  });

  it('stays within Slack\'s 50 blocks for an owner of many systems, counting the rest', () => {
    const dm = buildReclassifiedDm({ ownerId: 'U0OWNER1', systems: Array.from({ length: 120 }, (_, i) => system(i)), rulesVersion: 'r' });
    expect(dm.blocks.length).toBeLessThanOrEqual(50);
    expect(texts(dm.blocks)).toContain('…and 110 more');
  });

  it('names an override the forum holds', () => {
    const dm = buildReclassifiedDm({ ownerId: 'U0OWNER1', systems: [system(1, { overrides: [{ outcome: 'tier', value: 'minimal' }] })], rulesVersion: 'r' });
    expect(texts(dm.blocks)).toContain('An admin override keeps tier at minimal');
  });
});

describe('the governance summary', () => {
  it('counts by kind of change, lists the systems and flags overrides to confirm or lift', () => {
    const flagged = system(2, { overrides: [{ outcome: 'tier', value: 'minimal' }] });
    const summary = buildReclassificationSummary({
      totals: { examined: 40, changed: 30, owners: 7, byKind: { tier: 3, primary_source: 0, binding_sources: 0, requirements: 2, cadence: 3, dates: 30 } },
      systems: [system(1), flagged], overridden: [flagged], overriddenCount: 20, rulesVersion: 'classify-intake/2',
    });
    const body = texts(summary.blocks);
    expect(summary.text).toBe('The inventory was reclassified: 30 of 40 systems changed');
    expect(body).toContain('legal dates moved: *30*');
    expect(body).toContain('risk tier changed: *3*');
    expect(body).not.toContain('primary source changed');
    expect(body).toContain('…and 28 more');
    expect(body).toContain('Overrides to confirm or lift');
    expect(body).toContain('…and 19 more');
  });

  it('says old → new for each kind that changed', () => {
    const lines = changeLines(change({ kinds: ['binding_sources', 'requirements'], bindingSources: { from: [], to: ['eu-ai-act'] },
      requirements: { added: [{ source: 'eu-ai-act', requirementId: 'Art. 26', title: 't', reason: 'r' }], removed: [{ source: 'eu-ai-act', requirementId: 'Art. 50(1)', title: 't', reason: '' }], kept: 3 } }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\*Binding laws:\* none → /);
    expect(lines[1]).toContain('+1 new');
    expect(lines[1]).toContain('1 retired');
  });
});
