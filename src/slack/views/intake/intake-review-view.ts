import type { ModalView } from '@slack/types';
import type { Classification } from '../../../domain/classify-intake.js';
import type { SystemFacts } from '../../../domain/system-facts.js';
import { VIEWS } from '../../ids.js';
import { escapeText, mention, truncate } from '../../escape.js';
import { context, divider, input, modal, section, textInput, type Block } from '../blocks.js';
import { classificationSummary, requirementCounts } from '../classification-text.js';

export interface LikelyDuplicate { id: string; name: string; why: string }

export const REVIEW_BLOCKS = { note: 'note' } as const;

/** Step 3: what the rules decided and why, before anything is stored. */
export function buildIntakeReviewView(args: { draftId: string; facts: SystemFacts; classification: Classification; duplicates: LikelyDuplicate[] }): ModalView {
  const { facts, classification: c, duplicates } = args;
  const reasons = c.reasons.slice(0, 12).map((r) => `• ${escapeText(r)}`).join('\n');
  const blocks: Block[] = [
    context('Step 3 of 3 · Check the classification. Nothing is registered until you press Register; Back changes the answers.'),
    section(`*${escapeText(facts.name)}* · owner ${mention(facts.owner)}\n${escapeText(truncate(facts.purpose, 500))}`),
    divider(),
    section(classificationSummary(c)),
    section(`*Evidence that will be requested:* ${c.requirements.length} claims (${requirementCounts(c)})`),
    section(`*Why:*\n${reasons}${c.reasons.length > 12 ? `\n…and ${c.reasons.length - 12} more in the record` : ''}`),
  ];
  if (duplicates.length) {
    blocks.push(section(`:warning: *Possibly already registered:*\n${duplicates.slice(0, 5).map((d) => `• ${escapeText(d.name)} (\`${d.id}\`) — ${escapeText(d.why)}`).join('\n')}`));
  }
  blocks.push(input(REVIEW_BLOCKS.note, 'Note for the governance forum', textInput('value', { multiline: true, maxLength: 1000 }), { optional: true }));
  return modal({
    callbackId: VIEWS.intakeReview,
    title: 'Review and register',
    submit: 'Register',
    close: 'Back',
    privateMetadata: JSON.stringify({ draftId: args.draftId }),
    blocks,
  });
}
