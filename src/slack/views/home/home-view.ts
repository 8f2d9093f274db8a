import type { HomeView } from '@slack/types';
import type { HomeModel } from '../../../app/home/load-home.js';
import { ACTIONS, SLASH_COMMAND } from '../../ids.js';
import { mention } from '../../escape.js';
import { actions, button, context, divider, header, section, type Block } from '../blocks.js';
import { governanceBlocks } from './governance-blocks.js';
import { soaBlocks } from './soa-blocks.js';
import { canvasOutageLine } from './canvas-outage-line.js';
import { andMore, claimLine, day, reviewLine, systemLine } from './work-lines.js';

/**
 * The Home tab. Every list is capped (HOME_LIMITS) and says how many more there are, so the view stays
 * far inside Slack's 100 blocks whatever the data: at most 3 + 12 (governance) + 4 (Statement of
 * Applicability) + 1 (canvases unavailable) + 12 (systems) + 22 (claims, two blocks each) + 7 (reviews) = 61.
 */
export function buildHomeView(m: HomeModel): HomeView {
  const { work: w, timeZone: tz, now } = m;
  const blocks: Block[] = [
    header('AI governance'),
    section(`Hi ${mention(m.userId)}: your AI systems and what is waiting for you.`, button('Register an AI system', ACTIONS.registerSystem, 'home', 'primary')),
    context(`Updated ${day(now, tz)} ${now.toLocaleTimeString('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' })} (${tz}) · \`${SLASH_COMMAND} help\` lists the commands`),
  ];
  if (m.governance) {
    const gov = governanceBlocks(m.governance, tz);
    // The document sits at the end of the governance view, above its closing divider.
    const outage = m.canvases.outage ? [context(canvasOutageLine(m.canvases.outage, tz))] : [];
    blocks.push(divider(), ...gov.slice(0, -1), ...(m.soa ? soaBlocks(m.soa, tz) : []), ...outage, ...gov.slice(-1));
  } else blocks.push(divider());

  blocks.push(header(`Your AI systems (${w.systemCount})`));
  if (!w.systems.length) blocks.push(section('You own no AI systems yet. Register one with the button above, or use the *Register an AI system* shortcut.'));
  for (const s of w.systems) {
    const canvas = m.canvases.urls[s.id];
    blocks.push(section(`${systemLine(s, tz)}${canvas ? ` · <${canvas}|its canvas>` : ''}`, button('Open record', ACTIONS.openRecord, s.id)));
  }
  const moreSystems = andMore(w.systems.length, w.systemCount, `systems: \`${SLASH_COMMAND} mine\` lists them`);
  if (moreSystems) blocks.push(context(moreSystems));

  blocks.push(header(`Evidence waiting for you (${w.openClaimCount})`));
  if (!w.openClaims.length) blocks.push(section(':white_check_mark: No evidence is waiting for you.'));
  for (const c of w.openClaims) {
    blocks.push(section(claimLine(c, tz, now)));
    // The same buttons as the owner's evidence card, so a click here is handled exactly like one there.
    blocks.push(actions(`home-claim:${c.id}`, [
      button('Submit evidence', ACTIONS.evidenceSubmit, c.id, 'primary'),
      button('Reuse evidence', ACTIONS.evidenceReuse, c.id),
      button('Reassign', ACTIONS.claimReassign, c.id),
      button("Can't provide", ACTIONS.claimCannotProvide, c.id),
    ]));
  }
  const moreClaims = andMore(w.openClaims.length, w.openClaimCount, 'open claims, earliest due first: they move up here as you answer these, and each system\'s evidence card in your DMs lists its own');
  if (moreClaims) blocks.push(context(moreClaims));

  blocks.push(header(`Reviews due (${w.reviewCount})`));
  if (!w.reviews.length) blocks.push(section(':white_check_mark: No reviews are due.'));
  for (const r of w.reviews) blocks.push(section(reviewLine(r, tz, now), button('Start review', ACTIONS.startReview, r.id, 'primary')));
  const moreReviews = andMore(w.reviews.length, w.reviewCount, 'reviews');
  if (moreReviews) blocks.push(context(moreReviews));
  return { type: 'home', blocks };
}
