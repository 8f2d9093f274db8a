import { describe, expect, it } from 'vitest';
import { buildEscalationPost } from '../../../src/slack/views/escalation-post.js';
import { buildDecisionCard } from '../../../src/slack/views/decision-card.js';
import { buildExceptionCard } from '../../../src/slack/views/exception-card.js';
import { buildReviewCard, reviewDueLabel } from '../../../src/slack/views/review-card.js';
import type { OverdueItem } from '../../../src/app/sweep/overdue-items.js';
import { mrkdwnTexts } from '../../support/message-text.js';

const now = new Date('2026-03-09T10:00:00Z');
const since = new Date('2026-03-02T10:00:00Z');
const item = (o: Partial<OverdueItem> = {}): OverdueItem => ({
  kind: 'review', id: 'rev_1', systemId: 'sys_1', systemName: 'Ranker', ownerId: 'U0OWNER1', tier: 'high', dueAt: since, acceptedUntil: null, what: 'scheduled review', ...o,
});
const actionIds = (blocks: readonly object[]) => blocks.flatMap((b) => (((b as { elements?: unknown }).elements as { action_id?: string }[] | undefined) ?? []).map((e) => e.action_id)).filter(Boolean);
const text = (m: { blocks: unknown[] }) => mrkdwnTexts(m.blocks).join('\n');

describe('an escalation card', () => {
  it('carries Acknowledge, Snooze, Reassign and Open record with the item as value', () => {
    const post = buildEscalationPost({ level: 1, items: [item()], since, now, admins: ['U0ADMIN1'], timeZone: 'UTC' });
    expect(actionIds(post.blocks)).toEqual(['aigov_escalation_acknowledge', 'aigov_escalation_snooze', 'aigov_escalation_reassign', 'aigov_open_record']);
    expect(JSON.stringify(post.blocks)).toContain('"value":"review:rev_1"');
  });

  it('shows who acknowledged, snoozed and reassigned it, and drops Acknowledge once taken', () => {
    const post = buildEscalationPost({ level: 1, items: [item()], since, now, admins: [], timeZone: 'UTC', status: {
      acknowledgedBy: 'U0STRANGER', acknowledgedAt: now, snoozedBy: 'U0ADMIN1', snoozedUntil: new Date('2026-03-20T00:00:00Z'), snoozeReason: '<!channel> on leave', reassignedTo: 'U0OWNER2', reassignedBy: 'U0ADMIN1',
    } });
    const shown = text(post);
    expect(shown).toContain('Acknowledged by <@U0STRANGER> on 2026-03-09');
    expect(shown).toContain('Snoozed until 2026-03-20 by <@U0ADMIN1>: &lt;!channel&gt; on leave');
    expect(shown).toContain('Reassigned to <@U0OWNER2> by <@U0ADMIN1>');
    expect(actionIds(post.blocks)).not.toContain('aigov_escalation_acknowledge');
  });

  it('lists the first eight items and counts the rest, also when the card keeps only the first of them', () => {
    const items = Array.from({ length: 20 }, (_, n) => item({ kind: 'evidence', id: `evr_${n}`, what: `iso-42001 A.${n}` }));
    expect(text(buildEscalationPost({ level: 1, items, since, now, admins: [], timeZone: 'UTC' }))).toContain('…and 12 more');
    expect(text(buildEscalationPost({ level: 1, items, itemCount: 30, since, now, admins: [], timeZone: 'UTC' }))).toContain('…and 22 more');
  });

  it('offers Accept risk and Corrective action when the item is an exception', () => {
    const post = buildEscalationPost({ level: 2, items: [item({ kind: 'exception', id: 'exc_1', what: 'open exception: no logs' })], since, now, admins: ['U0ADMIN1'], timeZone: 'UTC' });
    expect(actionIds(post.blocks)).toEqual(expect.arrayContaining(['aigov_exception_accept_risk', 'aigov_exception_corrective_action']));
    expect(text(post)).toContain('<@U0ADMIN1>: second-level escalation');
  });
});

describe('a decision card', () => {
  const decision = {
    id: 'dec_1', systemId: 'sys_1', reviewId: 'rev_1', scope: 'Use for <@U0X> loans', assumption: null, riskOrObligation: 'Bias', changes: 'risk', ownerId: 'U0OWNER1',
    status: 'pending', decidedBy: null, decidedAt: null, decisionReason: null, createdBy: 'U0OWNER1',
  };

  it('asks admins to approve or reject while pending, escaping what people typed', () => {
    const card = buildDecisionCard({ decision, systemName: 'Ranker', admins: ['U0ADMIN1'], timeZone: 'UTC' });
    expect(actionIds(card.blocks)).toEqual(['aigov_decision_approve', 'aigov_decision_reject', 'aigov_open_record']);
    expect(text(card)).toContain('Use for &lt;@U0X&gt; loans');
    expect(text(card)).toContain('the outcome changes the *risk*');
  });

  it('shows the approver and date, without buttons, once decided', () => {
    const card = buildDecisionCard({ decision: { ...decision, status: 'rejected', decidedBy: 'U0ADMIN1', decidedAt: now, decisionReason: 'Needs legal advice' }, systemName: 'Ranker', admins: [], timeZone: 'UTC' });
    expect(actionIds(card.blocks)).toEqual([]);
    expect(text(card)).toContain('*Rejected* by <@U0ADMIN1> on 2026-03-09: Needs legal advice');
  });
});

describe('an exception card', () => {
  const exception = {
    id: 'exc_1', systemId: 'sys_1', claimId: null, reviewId: 'rev_1', reason: 'No rollback plan', status: 'open', openedBy: 'U0OWNER1', dueAt: now,
    acceptedBy: null, acceptedUntil: null, rationale: null, correctiveAction: null, actionOwnerId: null, actionDueAt: null, closedAt: null,
  };
  const system = { name: 'Ranker', ownerId: 'U0OWNER1', riskTier: 'high' };

  it.each([
    ['open', {}, ['aigov_exception_accept_risk', 'aigov_exception_corrective_action', 'aigov_open_record']],
    ['risk accepted', { status: 'risk_accepted', acceptedBy: 'U0ADMIN1', acceptedUntil: now, rationale: 'Low volume' }, ['aigov_risk_extend', 'aigov_risk_close', 'aigov_open_record']],
    ['under corrective action', { status: 'corrective_action', correctiveAction: 'Write it', actionOwnerId: 'U0OWNER2', actionDueAt: now }, ['aigov_exception_action_done', 'aigov_exception_accept_risk', 'aigov_open_record']],
    ['closed', { status: 'closed', closedAt: now }, []],
  ])('offers the next steps while %s', (_label, change, expected) => {
    expect(actionIds(buildExceptionCard({ exception: { ...exception, ...change }, system, timeZone: 'UTC' }).blocks)).toEqual(expected);
  });
});

describe('a review card', () => {
  const review = { id: 'rev_1', status: 'due', dueAt: since, dueReason: 'cadence', result: null, completedAt: null, nextReviewAt: null, reviewerId: 'U0OWNER1' };
  const system = { id: 'sys_1', name: 'Ranker', riskTier: 'high', cadenceDays: 90 };

  it('says why the review is due, on cadence or after a change', () => {
    expect(reviewDueLabel('cadence', 90)).toBe('scheduled review (every 90 days)');
    expect(reviewDueLabel('monitoring_signal', 90)).toMatch(/Monitoring raised a signal/);
    expect(reviewDueLabel('incident', 90)).toBe('review after incident');
  });

  it('offers Start review until it is recorded, then shows the outcome', () => {
    expect(actionIds(buildReviewCard({ review, system, recipientId: 'U0OWNER1', timeZone: 'UTC' }).blocks)).toEqual(['aigov_start_review', 'aigov_open_record']);
    const done = buildReviewCard({ review: { ...review, status: 'completed', result: 'effective', completedAt: now, nextReviewAt: new Date('2026-06-01T00:00:00Z') }, system, recipientId: 'U0OWNER1', timeZone: 'UTC' });
    expect(actionIds(done.blocks)).toEqual([]);
    expect(text(done)).toContain('Next review: 2026-06-01');
  });
});
