import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, header, section, type Block } from './blocks.js';
import { sourceLabel } from './classification-text.js';
import { isOpenClaim } from '../../domain/claim-progress.js';

export interface CardClaim {
  id: string;
  source: string;
  requirementId: string;
  title: string;
  summary: string;
  status: string;
  dueAt: Date;
  staleReason?: string | null;
  retiredReason?: string | null;
  /** The artifact on record: a stale claim with one can be confirmed as still valid. */
  artifactId?: string | null;
}

/** A claim this owner handed to someone else: the card keeps saying who has it now. */
export interface HandedOverClaim {
  source: string;
  requirementId: string;
  title: string;
  ownerId: string;
}

// A message holds at most 50 blocks; each open claim takes two (text + buttons).
const MAX_OPEN_SHOWN = 20;

export { isOpenClaim };

const STATUS_LABELS: Record<string, string> = {
  requested: 'requested', stale: 'stale — needs new evidence', submitted: 'submitted', reused: 'answered by reuse', exception: 'exception raised',
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The owner's evidence request for one system: what they owe, by when, and buttons to answer each claim. */
export function buildEvidenceCard(args: {
  systemId: string; systemName: string; ownerId: string; claims: CardClaim[]; notes?: string[]; handedOver?: HandedOverClaim[];
}): { text: string; blocks: Block[] } {
  // Retired claims (the requirement no longer applies) are not owed: named once at the end, not counted.
  const claims = args.claims.filter((c) => c.status !== 'retired');
  const retired = args.claims.filter((c) => c.status === 'retired');
  const open = claims.filter((c) => isOpenClaim(c.status));
  const answered = claims.length - open.length;
  const name = escapeText(args.systemName);
  const blocks: Block[] = [
    header(truncate(`Evidence requested: ${args.systemName}`, 150)),
    section(`${mention(args.ownerId)}, you own these claims of *${name}* (\`${args.systemId}\`). Each needs an artifact — a link, ticket, log, minutes or test result with a date and the period it covers.\n*Progress:* ${answered} of ${claims.length} answered`),
  ];
  for (const note of args.notes ?? []) blocks.push(context(note));
  for (const c of open.slice(0, MAX_OPEN_SHOWN)) {
    const why = c.status === 'stale' && c.staleReason ? `\n_Why: ${escapeText(truncate(c.staleReason, 400))}_` : '';
    blocks.push(section(`*${sourceLabel(c.source)} ${escapeText(c.requirementId)}* — ${escapeText(truncate(c.title, 150))}\n${escapeText(truncate(c.summary, 300))}\n_Due ${day(c.dueAt)} · ${STATUS_LABELS[c.status] ?? c.status}_${why}`));
    blocks.push(actions(`claim:${c.id}`, [
      button('Submit evidence', ACTIONS.evidenceSubmit, c.id, 'primary'),
      // Offered on any stale claim with evidence on record; after a material change the click says why it cannot be.
      ...(c.status === 'stale' && c.artifactId ? [button('Still valid', ACTIONS.evidenceStillValid, c.id)] : []),
      button('Reuse evidence', ACTIONS.evidenceReuse, c.id),
      button('Reassign', ACTIONS.claimReassign, c.id),
      button("Can't provide", ACTIONS.claimCannotProvide, c.id),
    ]));
  }
  if (open.length > MAX_OPEN_SHOWN) blocks.push(context(`…and ${open.length - MAX_OPEN_SHOWN} more open claims: they appear here as you answer these, and all are on your aigov Home tab.`));
  const handedOver = args.handedOver ?? [];
  if (handedOver.length) {
    const lines = handedOver.slice(0, 10).map((h) => `• *${sourceLabel(h.source)} ${escapeText(h.requirementId)}* — ${escapeText(truncate(h.title, 80))}: now with ${mention(h.ownerId)}`);
    if (handedOver.length > 10) lines.push(`…and ${handedOver.length - 10} more`);
    blocks.push(context(`*Reassigned:*\n${lines.join('\n')}`));
  }
  if (retired.length) {
    const lines = retired.slice(0, 10).map((r) => `• *${sourceLabel(r.source)} ${escapeText(r.requirementId)}* — ${escapeText(truncate(r.title, 80))}`);
    if (retired.length > 10) lines.push(`…and ${retired.length - 10} more`);
    blocks.push(context(`*No longer required* (retired on re-classification; evidence given is kept):\n${lines.join('\n')}`));
  }
  if (!open.length && claims.length) blocks.push(section(':white_check_mark: Every claim is answered. Thank you — nothing else is waiting for you on this system.'));
  if (!claims.length) blocks.push(section('You no longer own any claims of this system: nothing is waiting for you here.'));
  return { text: `Evidence requested for ${name}: ${answered} of ${claims.length} answered`, blocks };
}
