import { localDate } from '../../domain/calendar-dates.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, header, section, type Block } from './blocks.js';
import { sourceLabel } from './classification-text.js';

export interface OwnerWeekModel {
  ownerId: string;
  systemCount: number;
  claims: { id: string; systemId: string; systemName: string; source: string; requirementId: string; title: string; dueAt: Date }[];
  claimCount: number;
  reviews: { id: string; systemId: string; systemName: string; dueAt: Date }[];
  upcomingReviews: { systemId: string; systemName: string; nextReviewAt: Date }[];
  correctiveActions: { id: string; systemName: string; correctiveAction: string | null; actionDueAt: Date | null }[];
  timeZone: string;
}

// A message holds 50 blocks; each listed item with a button takes two.
const MAX_CLAIMS = 5;
const MAX_REVIEWS = 5;

/** Monday's DM: everything open that is the owner's to do, with buttons to act on it. */
export function buildOwnerWeek(m: OwnerWeekModel): { text: string; blocks: Block[] } {
  const day = (d: Date | null) => (d ? localDate(d, m.timeZone) : '—');
  const counts = [
    `*${m.claimCount}* open evidence ${m.claimCount === 1 ? 'claim' : 'claims'}`,
    `*${m.reviews.length}* ${m.reviews.length === 1 ? 'review' : 'reviews'} due`,
    `*${m.correctiveActions.length}* corrective ${m.correctiveActions.length === 1 ? 'action' : 'actions'}`,
  ].join(' · ');
  const blocks: Block[] = [
    header('Your aigov week'),
    section(`${mention(m.ownerId)}, you own ${m.systemCount} AI ${m.systemCount === 1 ? 'system' : 'systems'}. Open this week: ${counts}.`),
  ];
  for (const r of m.reviews.slice(0, MAX_REVIEWS)) {
    blocks.push(section(`:mag: *Review due:* ${escapeText(r.systemName)} (\`${r.systemId}\`) — since ${day(r.dueAt)}`));
    blocks.push(actions(`week-review:${r.id}`, [button('Start review', ACTIONS.startReview, r.id, 'primary'), button('Open record', ACTIONS.openRecord, r.systemId)]));
  }
  if (m.reviews.length > MAX_REVIEWS) blocks.push(context(`…and ${m.reviews.length - MAX_REVIEWS} more reviews due.`));
  for (const c of m.claims.slice(0, MAX_CLAIMS)) {
    blocks.push(section(`:page_facing_up: *${escapeText(c.systemName)}:* ${sourceLabel(c.source)} ${escapeText(c.requirementId)} — ${escapeText(truncate(c.title, 120))} · due ${day(c.dueAt)}`));
    blocks.push(actions(`week-claim:${c.id}`, [button('Submit evidence', ACTIONS.evidenceSubmit, c.id, 'primary'), button('Open record', ACTIONS.openRecord, c.systemId)]));
  }
  if (m.claimCount > MAX_CLAIMS) blocks.push(context(`…and ${m.claimCount - MAX_CLAIMS} more open claims on your evidence cards and Home tab.`));
  if (m.correctiveActions.length) {
    blocks.push(section(`*Corrective actions you own*\n${m.correctiveActions.slice(0, 5).map((a) => `• ${escapeText(a.systemName)}: ${escapeText(truncate(a.correctiveAction ?? '', 150))} — due ${day(a.actionDueAt)}`).join('\n')}${m.correctiveActions.length > 5 ? `\n…and ${m.correctiveActions.length - 5} more` : ''}`));
  }
  if (m.upcomingReviews.length) {
    blocks.push(section(`*Reviews coming up this week*\n${m.upcomingReviews.slice(0, 5).map((r) => `• ${escapeText(r.systemName)} — ${day(r.nextReviewAt)}`).join('\n')}${m.upcomingReviews.length > 5 ? `\n…and ${m.upcomingReviews.length - 5} more` : ''}`));
  }
  return { text: `Your aigov week: ${m.claimCount} open claims, ${m.reviews.length} reviews due, ${m.correctiveActions.length} corrective actions`, blocks };
}
