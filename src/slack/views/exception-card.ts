import type { Button } from '@slack/types';
import { localDate } from '../../domain/calendar-dates.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, section, type Block } from './blocks.js';
import { TIER_LABELS } from './classification-text.js';

export interface ExceptionCardModel {
  exception: {
    id: string; systemId: string; claimId: string | null; reviewId: string | null; reason: string; status: string; openedBy: string; dueAt: Date;
    acceptedBy: string | null; acceptedUntil: Date | null; rationale: string | null; correctiveAction: string | null;
    actionOwnerId: string | null; actionDueAt: Date | null; closedAt: Date | null;
  };
  system: { name: string; ownerId: string; riskTier: string };
  timeZone: string;
}

/** An exception in the governance channel: it ends as risk acceptance or corrective action, never hidden. */
export function buildExceptionCard(m: ExceptionCardModel): { text: string; blocks: Block[] } {
  const e = m.exception;
  const day = (d: Date | null) => (d ? localDate(d, m.timeZone) : '—');
  const name = escapeText(m.system.name);
  const tier = TIER_LABELS[m.system.riskTier as keyof typeof TIER_LABELS] ?? m.system.riskTier;
  const from = e.reviewId ? ` in review \`${e.reviewId}\`` : e.claimId ? ` for claim \`${e.claimId}\`` : '';
  const blocks: Block[] = [
    section(`:warning: *Exception on ${name}* (\`${e.systemId}\`) · ${tier} · owner ${mention(m.system.ownerId)}\n${escapeText(truncate(e.reason, 1500))}\n_Opened by ${mention(e.openedBy)}${from}; to be resolved by ${day(e.dueAt)}._`),
  ];
  const buttons: Button[] = [];
  switch (e.status) {
    case 'risk_accepted':
      blocks.push(section(`:shield: *Risk accepted* by ${mention(e.acceptedBy ?? '')} until ${day(e.acceptedUntil)}.\n*Rationale:* ${escapeText(truncate(e.rationale ?? '', 1200))}`));
      buttons.push(button('Extend', ACTIONS.riskExtend, e.id), button('Close', ACTIONS.riskClose, e.id));
      break;
    case 'corrective_action':
      blocks.push(section(`:hammer_and_wrench: *Corrective action* owned by ${mention(e.actionOwnerId ?? '')}, due ${day(e.actionDueAt)}.\n${escapeText(truncate(e.correctiveAction ?? '', 1200))}`));
      buttons.push(button('Mark done', ACTIONS.exceptionActionDone, e.id, 'primary'), button('Accept risk instead', ACTIONS.exceptionAcceptRisk, e.id));
      break;
    case 'closed':
      blocks.push(section(`:white_check_mark: *Closed* on ${day(e.closedAt)}.${e.correctiveAction ? ` Corrective action: ${escapeText(truncate(e.correctiveAction, 600))}` : ''}${e.rationale ? ` Risk acceptance rationale: ${escapeText(truncate(e.rationale, 600))}` : ''}`));
      break;
    default:
      buttons.push(button('Accept risk', ACTIONS.exceptionAcceptRisk, e.id), button('Corrective action', ACTIONS.exceptionCorrectiveAction, e.id, 'primary'));
  }
  if (buttons.length) blocks.push(actions(`exception:${e.id}`, [...buttons, button('Open record', ACTIONS.openRecord, e.systemId)]));
  if (e.status === 'open') blocks.push(context('Risk acceptance needs a governance admin, a rationale and an expiry date; a corrective action needs an owner and a due date.'));
  const state = e.status === 'open' ? 'open' : e.status.replace('_', ' ');
  return { text: `Exception on ${name}: ${state}`, blocks };
}
