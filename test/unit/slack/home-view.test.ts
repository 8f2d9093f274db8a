import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../../src/slack/views/home/home-view.js';
import { HOME_LIMITS, type HomeModel } from '../../../src/app/home/load-home.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { mrkdwnTexts } from '../../support/message-text.js';

const now = new Date('2025-06-02T09:30:00Z');
const long = (s: string) => `${s} ${'x'.repeat(400)}`;
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

/** The fullest Home tab there can be: every list at its cap, every count far beyond it, every text at its longest. */
function fullest(): HomeModel {
  const item = (i: number) => ({ systemId: `sys_${i}`, systemName: long(`<!channel> System ${i}`) });
  return {
    userId: 'U0ADMIN1', now, timeZone: 'Europe/Berlin',
    work: {
      systemCount: 10_000,
      systems: times(HOME_LIMITS.systems, (i) => ({ id: `sys_${i}`, name: long(`System ${i}`), riskTier: 'high', status: 'active', nextReviewAt: now, bindingSources: ['eu-ai-act', 'co-sb26-189'], progress: { answered: 3, total: 29 } })),
      openClaimCount: 5_000,
      openClaims: times(HOME_LIMITS.claims, (i) => ({ id: `clm_${i}`, systemId: `sys_${i}`, systemName: long('System'), source: 'nist-ai-rmf', requirementId: 'MAP 1.1', title: long('Title'), summary: long('Summary'), status: i % 2 ? 'stale' : 'requested', dueAt: now })),
      reviewCount: 99,
      reviews: times(HOME_LIMITS.reviews, (i) => ({ id: `rev_${i}`, systemId: `sys_${i}`, systemName: long('System'), status: 'due', dueAt: now, dueReason: 'material_change' })),
    },
    governance: {
      byTier: [{ key: 'high', n: 4000 }, { key: 'transparency', n: 3000 }, { key: 'minimal', n: 2999 }, { key: 'prohibited', n: 1 }],
      byStatus: [{ key: 'active', n: 10_000 }],
      overdueReviews: { count: 800, items: times(HOME_LIMITS.governanceList, (i) => ({ id: `rev_${i}`, ...item(i), ownerId: 'U0OWNER1', dueAt: now })) },
      overdueEvidence: { count: 90_000, items: times(HOME_LIMITS.governanceList, (i) => ({ id: `clm_${i}`, ...item(i), ownerId: 'U0OWNER1', source: 'iso-42001', requirementId: 'A.5.2', dueAt: now })) },
      openExceptions: { count: 70, items: times(HOME_LIMITS.governanceList, (i) => ({ id: `exc_${i}`, ...item(i), reason: long('Reason'), status: 'corrective_action', dueAt: now })) },
      expiringAcceptances: { count: 12, items: times(HOME_LIMITS.governanceList, (i) => ({ id: `exc_${i}`, ...item(i), acceptedUntil: now, acceptedBy: 'U0ADMIN1' })) },
    },
    soa: {
      status: 'draft', latest: { number: 7, approvedBy: 'U0ADMIN1', approvedAt: now }, changes: 3, scopeRecorded: true, applicable: 35, excluded: 3, decided: 4,
      openDecisions: times(38, (i) => ({ controlId: `A.${i}`, what: `A.${i}: applicable and has no owner <!channel>.` })),
    },
    canvases: {
      urls: Object.fromEntries(times(HOME_LIMITS.systems, (i) => [`sys_${i}`, `https://aigov-test.slack.com/docs/T0AIGOV/F0CANVAS${i}`])),
      outage: { reason: 'team_tier_cannot_create_channel_canvases', method: 'conversations.canvases.create', since: now },
    },
  };
}

type AnyBlock = { type: string; block_id?: string; text?: { text: string }; elements?: { type: string; text?: { text: string } }[]; accessory?: { text?: { text: string } } };

describe('the Home tab view', () => {
  it('stays within Slack\'s limits at its fullest: 100 blocks, unique block ids, 3,000-character sections, 75-character buttons', () => {
    const view = buildHomeView(fullest()) as { type: string; blocks: AnyBlock[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of view.blocks) {
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'actions') expect(b.elements!.length).toBeLessThanOrEqual(25);
      for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]) if ((e as { type?: string }).type === 'button') expect(e.text!.text.length).toBeLessThanOrEqual(75);
    }
  });

  it('gives exact counts and says how many more each capped list holds', () => {
    const t = mrkdwnTexts(buildHomeView(fullest())).join('\n');
    expect(t).toContain('…and 9990 more systems');
    expect(t).toContain('…and 4990 more open claims');
    expect(t).toContain('…and 94 more reviews');
    expect(t).toMatch(/\*Overdue evidence\* \(90000\)[\s\S]*…and 89995 more/);
  });

  it('escapes user text everywhere it appears', () => {
    const t = mrkdwnTexts(buildHomeView(fullest())).join('\n');
    expect(t).not.toContain('<!channel>');
    expect(t).toContain('&lt;!channel&gt; System 0');
  });

  it('shows dates in the workspace time zone', () => {
    const t = mrkdwnTexts(buildHomeView(fullest())).join('\n');
    expect(t).toContain('Updated 2025-06-02 11:30 (Europe/Berlin)');
  });

  it('says where the Statement of Applicability stands, names a few open decisions and offers the admin\'s actions', () => {
    const view = buildHomeView(fullest()) as { blocks: { block_id?: string; elements?: { action_id: string; value: string }[] }[] };
    const t = mrkdwnTexts(view).join('\n');
    expect(t).toContain('*Draft*: 3 changes since version 7, approved by <@U0ADMIN1> on 2025-06-02.');
    expect(t).toContain('*38 decisions open before approval:*\n• A.0: applicable and has no owner &lt;!channel&gt;.');
    expect(t).toContain('…and 33 more');
    const row = view.blocks.find((b) => b.block_id === 'home-gov-soa')!;
    expect(row.elements!.map((e) => e.action_id)).toEqual([ACTIONS.soaDecideControl, ACTIONS.soaNistOwner, ACTIONS.soaRecordScope]);
  });

  it('shows no Statement of Applicability to someone who is not a governance admin', () => {
    const view = buildHomeView({ ...fullest(), governance: null, soa: null }) as { blocks: { block_id?: string }[] };
    expect(view.blocks.find((b) => b.block_id === 'home-gov-soa')).toBeUndefined();
  });

  it('links each system to its canvas and tells an admin, in one line, why canvases are off', () => {
    const t = mrkdwnTexts(buildHomeView(fullest())).join('\n');
    expect(t).toContain('<https://aigov-test.slack.com/docs/T0AIGOV/F0CANVAS3|its canvas>');
    expect(t.match(/Canvases are off/g)).toHaveLength(1);
    expect(t).toContain("*Canvases are off* since 2025-06-02: this workspace's Slack plan does not let apps create canvases. aigov keeps working without them");
    const owner = mrkdwnTexts(buildHomeView({ ...fullest(), governance: null, soa: null, canvases: { urls: {}, outage: null } })).join('\n');
    expect(owner).not.toContain('Canvases are off');
  });

  it('puts the evidence card buttons under each claim, with the claim id as their value', () => {
    const view = buildHomeView(fullest()) as { blocks: { block_id?: string; elements?: { action_id: string; value: string }[] }[] };
    const row = view.blocks.find((b) => b.block_id === 'home-claim:clm_3')!;
    expect(row.elements!.map((e) => [e.action_id, e.value])).toEqual([
      [ACTIONS.evidenceSubmit, 'clm_3'], [ACTIONS.evidenceReuse, 'clm_3'], [ACTIONS.claimReassign, 'clm_3'], [ACTIONS.claimCannotProvide, 'clm_3'],
    ]);
  });
});
