import { localDate } from '../../domain/calendar-dates.js';
import type { OverdueItem } from '../../app/sweep/overdue-items.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, section, type Block } from './blocks.js';
import { TIER_LABELS } from './classification-text.js';

const DAY_MS = 86_400_000;
const KIND_LABEL: Record<OverdueItem['kind'], string> = {
  review: 'Overdue review', evidence: 'Overdue evidence', exception: 'Open exception past its date', statutory: 'LEGAL DEADLINE (EU AI Act)',
};

const dayIn = localDate;

/** What the forum has done with an escalation since it was posted, shown on the card. */
export interface EscalationCardStatus {
  acknowledgedBy?: string | null;
  acknowledgedAt?: Date | null;
  snoozedBy?: string | null;
  snoozedUntil?: Date | null;
  snoozeReason?: string | null;
  reassignedBy?: string | null;
  reassignedTo?: string | null;
}

function statusLines(s: EscalationCardStatus, tz: string): string[] {
  const lines: string[] = [];
  if (s.acknowledgedBy) lines.push(`:eyes: Acknowledged by ${mention(s.acknowledgedBy)}${s.acknowledgedAt ? ` on ${dayIn(s.acknowledgedAt, tz)}` : ''}.`);
  if (s.snoozedUntil) lines.push(`:zzz: Snoozed until ${dayIn(s.snoozedUntil, tz)}${s.snoozedBy ? ` by ${mention(s.snoozedBy)}` : ''}: ${escapeText(truncate(s.snoozeReason ?? '', 500))}`);
  if (s.reassignedTo) lines.push(`:arrow_right: Reassigned to ${mention(s.reassignedTo)}${s.reassignedBy ? ` by ${mention(s.reassignedBy)}` : ''}.`);
  return lines;
}

/** An escalation card for the governance channel: what, whose, since when, how bad — and buttons to act. */
export function buildEscalationPost(args: {
  level: 1 | 2; items: OverdueItem[]; since: Date; now: Date; admins: readonly string[]; timeZone: string; status?: EscalationCardStatus;
  /** How many items the card is about, when `items` holds only the first of them. */
  itemCount?: number;
}): { text: string; blocks: Block[] } {
  const first = args.items[0]!;
  const days = Math.floor((args.now.getTime() - args.since.getTime()) / DAY_MS);
  const tier = TIER_LABELS[first.tier as keyof typeof TIER_LABELS] ?? first.tier;
  const name = escapeText(first.systemName);
  const legal = first.kind === 'statutory' ? ' This is a statutory deadline, not a review cycle.' : '';
  const callAdmins = args.level === 2 && args.admins.length ? `\n${args.admins.map(mention).join(' ')}: second-level escalation — please decide or fund the remediation.` : '';
  const list = args.items.slice(0, 8).map((i) => `• ${escapeText(truncate(i.what, 200))} (due ${dayIn(i.dueAt, args.timeZone)})`).join('\n');
  const total = Math.max(args.itemCount ?? 0, args.items.length);
  const more = total > 8 ? `\n…and ${total - 8} more` : '';
  const itemRef = `${first.kind}:${first.id}`;
  const status = statusLines(args.status ?? {}, args.timeZone);
  // An exception can be resolved from its escalation too: it ends as risk acceptance or corrective action.
  const resolve = first.kind === 'exception'
    ? [button('Accept risk', ACTIONS.exceptionAcceptRisk, first.id), button('Corrective action', ACTIONS.exceptionCorrectiveAction, first.id)]
    : [];
  const blocks: Block[] = [
    section(`:rotating_light: *Level ${args.level} · ${KIND_LABEL[first.kind]}* — *${name}* (\`${first.systemId}\`)\nOwner ${mention(first.ownerId)} · ${tier} · overdue since ${dayIn(args.since, args.timeZone)} (${days} days).${legal}${callAdmins}`),
    section(`${list}${more}`),
    ...(status.length ? [section(status.join('\n'))] : []),
    actions(`escalation:${itemRef}`, [
      ...(args.status?.acknowledgedBy ? [] : [button('Acknowledge', ACTIONS.escalationAcknowledge, itemRef, 'primary')]),
      button('Snooze', ACTIONS.escalationSnooze, itemRef),
      button('Reassign', ACTIONS.escalationReassign, itemRef),
      button('Open record', ACTIONS.openRecord, first.systemId),
      ...resolve,
    ]),
    context(`Escalated by aigov on ${dayIn(args.now, args.timeZone)}. Only governance admins can snooze.`),
  ];
  return { text: `Level ${args.level} escalation: ${KIND_LABEL[first.kind]} for ${name}`, blocks };
}
