import { localDate } from '../../domain/calendar-dates.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, section, type Block } from './blocks.js';

export interface RiskNoticeModel {
  exception: { id: string; systemId: string; reason: string; acceptedBy: string | null; acceptedUntil: Date; rationale: string | null };
  systemName: string;
  recipientId: string;
  daysLeft: number;
  timeZone: string;
  /** After Extend or Close the notice says what happened instead of offering the buttons again. */
  outcome?: { kind: 'extended'; by: string; until: Date } | { kind: 'closed'; by: string } | null;
}

/** Told once, to the approver and the owner, when 80% of an acceptance's period has gone. */
export function buildRiskExpiryNotice(m: RiskNoticeModel): { text: string; blocks: Block[] } {
  const e = m.exception;
  const name = escapeText(m.systemName);
  const until = localDate(e.acceptedUntil, m.timeZone);
  const blocks: Block[] = [
    section(`:hourglass_flowing_sand: ${mention(m.recipientId)}, the risk accepted on *${name}* (\`${e.systemId}\`) expires on *${until}* (${m.daysLeft} ${m.daysLeft === 1 ? 'day' : 'days'} left).\n*Exception:* ${escapeText(truncate(e.reason, 800))}\n*Rationale:* ${escapeText(truncate(e.rationale ?? '', 800))}\n_Accepted by ${mention(e.acceptedBy ?? '')}._`),
  ];
  if (m.outcome?.kind === 'extended') {
    blocks.push(section(`:white_check_mark: Extended by ${mention(m.outcome.by)} until ${localDate(m.outcome.until, m.timeZone)}.`));
  } else if (m.outcome?.kind === 'closed') {
    blocks.push(section(`:white_check_mark: Closed by ${mention(m.outcome.by)}: the risk no longer needs accepting.`));
  } else {
    blocks.push(actions(`risk:${e.id}`, [
      button('Extend', ACTIONS.riskExtend, e.id, 'primary'),
      button('Close', ACTIONS.riskClose, e.id),
      button('Open record', ACTIONS.openRecord, e.systemId),
    ]));
    blocks.push(context('Extending needs a governance admin and a reason. Close it when the risk is gone. If nothing happens, the expired acceptance escalates.'));
  }
  return { text: `Risk acceptance on ${name} expires on ${until}`, blocks };
}
