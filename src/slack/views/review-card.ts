import { CHANGE_TRIGGERS, reviewDueOnChange, type ChangeTrigger } from '../../domain/review-cadence.js';
import { REVIEW_RESULT_LABELS, type ReviewResult } from '../../domain/review-outcome.js';
import { localDate } from '../../domain/calendar-dates.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, header, section, type Block } from './blocks.js';
import { TIER_LABELS } from './classification-text.js';

export interface ReviewCardModel {
  review: { id: string; status: string; dueAt: Date; dueReason: string; result: string | null; completedAt: Date | null; nextReviewAt: Date | null; reviewerId: string | null };
  system: { id: string; name: string; riskTier: string; cadenceDays: number | null };
  recipientId: string;
  /** Set when the review moved to someone else: this card then only says so. */
  reassignedTo?: string | null;
  timeZone: string;
}

/** Why a review is due, in words: the cadence, or the change that triggered it. */
export function reviewDueLabel(dueReason: string, cadenceDays: number | null): string {
  if (dueReason === 'cadence') return cadenceDays ? `scheduled review (every ${cadenceDays} days)` : 'scheduled review';
  if ((CHANGE_TRIGGERS as readonly string[]).includes(dueReason)) return reviewDueOnChange(dueReason as ChangeTrigger, new Date(0)).reason;
  return `review after ${dueReason.replace(/_/g, ' ')}`;
}

/** The reviewer's DM: what is due and why, with Start review; once recorded, the outcome instead of buttons. */
export function buildReviewCard(m: ReviewCardModel): { text: string; blocks: Block[] } {
  const { review, system } = m;
  const name = escapeText(system.name);
  const tier = TIER_LABELS[system.riskTier as keyof typeof TIER_LABELS] ?? system.riskTier;
  const day = (d: Date) => localDate(d, m.timeZone);
  const blocks: Block[] = [
    header(truncate(`Review due: ${system.name}`, 150)),
    section(`${mention(m.recipientId)}, *${name}* (\`${system.id}\`) is due for review since ${day(review.dueAt)}.\n*Why:* ${escapeText(reviewDueLabel(review.dueReason, system.cadenceDays))}\n*Tier:* ${tier}`),
  ];
  if (m.reassignedTo && m.reassignedTo !== m.recipientId) {
    blocks.push(section(`:arrow_right: This review was reassigned to ${mention(m.reassignedTo)}; nothing is waiting for you here.`));
    return { text: `Review of ${name} reassigned`, blocks };
  }
  if (review.status === 'completed') {
    const result = REVIEW_RESULT_LABELS[review.result as ReviewResult] ?? review.result ?? '';
    blocks.push(section(`:white_check_mark: Review recorded by ${mention(review.reviewerId ?? m.recipientId)} on ${review.completedAt ? day(review.completedAt) : '—'}: ${escapeText(result)}.${review.nextReviewAt ? `\nNext review: ${day(review.nextReviewAt)}.` : ''}`));
    return { text: `Review of ${name} recorded`, blocks };
  }
  blocks.push(actions(`review:${review.id}`, [
    button('Start review', ACTIONS.startReview, review.id, 'primary'),
    button('Open record', ACTIONS.openRecord, system.id),
  ]));
  blocks.push(context('The review records the result, exceptions found, corrective action, next owner and next review date. Outcomes that change scope, risk or classification go to the governance forum for approval.'));
  return { text: `Review due for ${name}`, blocks };
}
