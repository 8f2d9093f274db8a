import type { MyWork } from '../../app/home/load-my-work.js';
import { escapeText, truncate } from '../escape.js';
import { SLASH_COMMAND } from '../ids.js';
import { context, section, type Block } from './blocks.js';
import { andMore, claimLine, day, reviewLine, systemLine } from './home/work-lines.js';

const list = (lines: string[], more: string, none: string) => (lines.length ? lines.map((l) => `• ${l.replace(/\n/g, '\n    ')}`).join('\n') + (more ? `\n${more}` : '') : none);

/** `/aigov mine`: one section per kind of work, each a capped list with an exact count. */
export function buildMineMessage(m: MyWork): { text: string; blocks: Block[] } {
  const { work: w, timeZone: tz, now } = m;
  const blocks: Block[] = [
    section(`*Your AI systems (${w.systemCount})*\n${list(w.systems.map((s) => systemLine(s, tz)), andMore(w.systems.length, w.systemCount, 'systems'), 'You own no AI systems.')}`),
    section(`*Evidence waiting for you (${w.openClaimCount})*\n${list(w.openClaims.map((c) => claimLine(c, tz, now)), andMore(w.openClaims.length, w.openClaimCount, 'open claims'), 'None :white_check_mark:')}`),
    section(`*Reviews due (${w.reviewCount})*\n${list(w.reviews.map((r) => reviewLine(r, tz, now)), andMore(w.reviews.length, w.reviewCount, 'reviews'), 'None :white_check_mark:')}`),
    section(`*Open requests you raised (${m.requests.count})*\n${list(m.requests.items.map((r) => `${escapeText(truncate(r.summary, 150))} — ${r.kind.replace(/_/g, ' ')}, ${r.trigger.replace(/_/g, ' ')}, since ${day(r.createdAt, tz)} \`${r.id}\``), andMore(m.requests.items.length, m.requests.count, 'requests'), 'None.')}`),
    context(`The buttons to answer each claim and start each review are on your aigov *Home* tab. \`${SLASH_COMMAND} status <id or name>\` shows one system.`),
  ];
  return {
    text: `Your AI governance work: ${w.systemCount} systems, ${w.openClaimCount} open evidence claims, ${w.reviewCount} reviews due, ${m.requests.count} open requests`,
    blocks,
  };
}
