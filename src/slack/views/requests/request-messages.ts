import { escapeText, mention, truncate } from '../../escape.js';
import { context, section, type Block } from '../blocks.js';
import { INTAKE_KIND_LABELS } from '../intake/intake-kinds.js';
import type { RequestOutcome } from '../../../app/requests/events.js';

type RequestKind = 'change' | 'incident' | 'supplier' | 'assurance';

/** What came of a request, in the words the requester and the thread read. */
export interface RequestOutcomeView {
  requestId: string;
  kind: RequestKind;
  systemName: string | null;
  description: string;
  lines: string[];
}

/** What came of a request, one line each, for the receipt and the thread. */
export function requestOutcomeLines(o: RequestOutcome, record: { ownerId: string | null; deadline: { ref: string; dueAt: Date } | null }): string[] {
  switch (o.kind) {
    case 'material_change': return [
      ...(o.changedFacts.length ? [`*Updated:* ${o.changedFacts.map((f) => (f === 'lifecycleStage' ? 'lifecycle stage' : f)).join(', ')}`] : []),
      `*Evidence marked stale and requested again:* ${o.staleClaims}`,
      o.review ? `*Review due now* (${o.review.trigger.replace(/_/g, ' ')}): ${o.review.reason}` : '*Review:* one is already due for this change.',
    ];
    case 'incident':
      if (!o.serious || !record.deadline) return ['Recorded as an incident that is not a serious incident under EU AI Act Art. 3(49): no legal reporting deadline.'];
      return [`*LEGAL DEADLINE — EU AI Act ${record.deadline.ref}:* report by ${record.deadline.dueAt.toISOString()} (posted to the governance channel).`];
    case 'forwarded':
      return [o.toOwner && record.ownerId ? `Sent to the system owner ${mention(record.ownerId)}.` : 'Sent to the governance channel (no system was named).'];
    case 'none': return [];
  }
}

const heading = (o: RequestOutcomeView) => `${INTAKE_KIND_LABELS[o.kind]}${o.systemName ? `: *${escapeText(o.systemName)}*` : ''}`;

/** The note in the system's announcement thread. */
export function buildRequestNote(o: RequestOutcomeView & { requesterId: string }): { text: string; blocks: Block[] } {
  return {
    text: `${INTAKE_KIND_LABELS[o.kind]} reported${o.systemName ? ` for ${escapeText(o.systemName)}` : ''}`,
    blocks: [
      section(`:memo: ${heading(o)} — raised by ${mention(o.requesterId)}\n${escapeText(truncate(o.description, 1500))}`),
      ...(o.lines.length ? [section(o.lines.join('\n'))] : []),
      context(`Request \`${o.requestId}\``),
    ],
  };
}

/** The requester's receipt: what was recorded and what happens next. */
export function buildRequestReceipt(o: RequestOutcomeView): { text: string; blocks: Block[] } {
  return {
    text: `Recorded your request ${o.requestId}`,
    blocks: [
      section(`:white_check_mark: Recorded your request \`${o.requestId}\` — ${heading(o)}`),
      ...(o.lines.length ? [section(o.lines.join('\n'))] : []),
    ],
  };
}

/** A customer-assurance request goes to the system's owner, who holds the evidence to answer it. */
export function buildAssuranceRequestMessage(args: {
  requestId: string; systemId: string | null; systemName: string | null; requesterId: string; customer: string; dueOn: string | null; description: string;
}): { text: string; blocks: Block[] } {
  const about = args.systemName ? ` about *${escapeText(args.systemName)}* (\`${args.systemId}\`)` : '';
  return {
    text: `Customer-assurance request from ${escapeText(args.customer)}`,
    blocks: [
      section(`:handshake: *Customer-assurance request* from *${escapeText(args.customer)}*${about}\nRaised by ${mention(args.requesterId)}${args.dueOn ? ` · answer due by *${args.dueOn}*` : ''}`),
      section(escapeText(truncate(args.description, 2000))),
      context(`Request \`${args.requestId}\` · answer from the evidence already on record where you can: the evidence matrix export lists it per claim.`),
    ],
  };
}
