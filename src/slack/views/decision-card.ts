import { localDate } from '../../domain/calendar-dates.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, section, type Block } from './blocks.js';

export interface DecisionCardModel {
  decision: {
    id: string; systemId: string; reviewId: string | null; scope: string; assumption: string | null; riskOrObligation: string;
    changes: string | null; ownerId: string; status: string; decidedBy: string | null; decidedAt: Date | null; decisionReason: string | null; createdBy: string;
  };
  systemName: string;
  admins: readonly string[];
  timeZone: string;
}

/** A decision for the governance forum: pending with Approve / Reject, then the outcome with who and when. */
export function buildDecisionCard(m: DecisionCardModel): { text: string; blocks: Block[] } {
  const d = m.decision;
  const name = escapeText(m.systemName);
  const change = d.changes ? ` — the outcome changes the *${escapeText(d.changes)}*` : '';
  const lines = [
    `*Scope:* ${escapeText(truncate(d.scope, 600))}`,
    ...(d.assumption ? [`*Assumption:* ${escapeText(truncate(d.assumption, 600))}`] : []),
    `*Risk or obligation:* ${escapeText(truncate(d.riskOrObligation, 600))}`,
    `*Owner:* ${mention(d.ownerId)} · proposed by ${mention(d.createdBy)}${d.reviewId ? ` in review \`${d.reviewId}\`` : ''}`,
  ];
  const blocks: Block[] = [
    section(`:scales: *Decision on ${name}* (\`${d.systemId}\`)${change}.\n${lines.join('\n')}`),
  ];
  const when = d.decidedAt ? localDate(d.decidedAt, m.timeZone) : '—';
  if (d.status === 'approved') {
    blocks.push(section(`:white_check_mark: *Approved* by ${mention(d.decidedBy ?? '')} on ${when}.`));
  } else if (d.status === 'rejected') {
    blocks.push(section(`:x: *Rejected* by ${mention(d.decidedBy ?? '')} on ${when}: ${escapeText(truncate(d.decisionReason ?? '', 1000))}`));
  } else {
    blocks.push(actions(`decision:${d.id}`, [
      button('Approve', ACTIONS.decisionApprove, d.id, 'primary'),
      button('Reject', ACTIONS.decisionReject, d.id, 'danger'),
      button('Open record', ACTIONS.openRecord, d.systemId),
    ]));
    const admins = m.admins.length ? ` ${m.admins.map(mention).join(' ')}` : '';
    blocks.push(context(`Needs approval by a governance admin.${admins}`));
  }
  const state = d.status === 'pending' ? 'needs approval' : d.status;
  return { text: `Decision on ${name} ${state}`, blocks };
}
