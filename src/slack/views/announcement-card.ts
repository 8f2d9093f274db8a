import type { Classification } from '../../domain/classify-intake.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, section, type Block } from './blocks.js';
import { TIER_LABELS, classificationSummary, requirementCounts } from './classification-text.js';

/** The intake-channel card for a newly registered system; later notes go in its thread. */
export function buildAnnouncementCard(args: {
  systemId: string; name: string; ownerId: string; requesterId: string; classification: Classification; nextReviewAt: Date | null; note: string | null;
  /** The system's canvas (its dossier in Slack), once it exists. */
  canvasUrl?: string | null;
}): { text: string; blocks: Block[] } {
  const c = args.classification;
  const next = args.nextReviewAt ? args.nextReviewAt.toISOString().slice(0, 10) : 'none — escalated to the governance forum at once';
  const blocks: Block[] = [
    section(`:new: *${escapeText(args.name)}* registered by ${registeredBy(args.requesterId)} · owner ${mention(args.ownerId)} · \`${args.systemId}\``),
    section(`${classificationSummary(c)}\n*Next review:* ${next}`),
    section(`*Evidence requested:* ${c.requirements.length} claims (${requirementCounts(c)})`),
    context(truncate(c.reasons.slice(0, 6).map((r) => escapeText(r)).join(' · '), 2900)),
  ];
  if (args.note) blocks.push(section(`*Note:* ${escapeText(args.note)}`));
  // A link rather than a URL button: a URL button still sends the app an action it would have to answer.
  if (args.canvasUrl) blocks.push(context(`:page_facing_up: <${args.canvasUrl}|Open the system's canvas>: facts, classification, evidence, reviews and decisions, kept current.`));
  blocks.push(actions(`system:${args.systemId}`, [
    button('Open record', ACTIONS.openRecord, args.systemId),
    button('Report change', ACTIONS.reportChange, args.systemId),
    button('Override classification', ACTIONS.overrideClassification, args.systemId),
    // Exemptions exist only under a law that binds; the forum decides every claim.
    ...(c.bindingSources?.includes('co-sb26-189') ? [button('Claim an exemption', ACTIONS.claimExemption, args.systemId)] : []),
  ]));
  return { text: `New AI system registered: ${escapeText(args.name)} — ${TIER_LABELS[c.tier.value]}`, blocks };
}

// A workflow run by no one in particular (a schedule, a webhook) has no person to mention.
const registeredBy = (requesterId: string) => (/^[UW][A-Z0-9]{2,}$/.test(requesterId) ? mention(requesterId) : 'a Workflow Builder step');
