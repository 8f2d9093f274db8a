import { escapeText, truncate } from '../../escape.js';
import { context, section, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';

export interface ClaimHeading { id: string; source: string; requirementId: string; title: string; summary: string }

/** The claim a modal is about, at its top: the source that creates the requirement, and what proves it. */
export function claimHeading(claim: ClaimHeading, systemName: string): Block[] {
  return [
    section(`*${escapeText(truncate(systemName, 200))}* · *${sourceLabel(claim.source)} ${escapeText(claim.requirementId)}* — ${escapeText(truncate(claim.title, 200))}`),
    context(`${escapeText(truncate(claim.summary, 600))} · \`${claim.id}\``),
  ];
}
