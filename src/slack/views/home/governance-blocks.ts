import type { GovernanceOverview } from '../../../app/home/load-home.js';
import { ACTIONS } from '../../ids.js';
import { escapeText, mention, truncate } from '../../escape.js';
import { actions, button, divider, header, section, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';
import { andMore, day, tierLabel } from './work-lines.js';

interface ListItem { systemId: string; systemName: string; line: string }

/** A short list: its title with the exact count, at most a few lines, "and N more", and a button per system shown. */
function shortList(blockId: string, title: string, count: number, items: ListItem[], none: string): Block[] {
  if (!count) return [section(`*${title}:* ${none}`)];
  const more = andMore(items.length, count, '');
  const blocks: Block[] = [section(`*${title}* (${count})\n${items.map((i) => `• ${i.line}`).join('\n')}${more ? `\n${more.trim()}` : ''}`)];
  const systems = [...new Map(items.map((i) => [i.systemId, i.systemName])).entries()];
  blocks.push(actions(blockId, systems.map(([id, name]) => button(`Open ${truncate(name, 60)}`, ACTIONS.openRecord, id))));
  return blocks;
}

/** The governance forum's view of the whole portfolio, above the admin's own work. At most 11 blocks. */
export function governanceBlocks(g: GovernanceOverview, tz: string): Block[] {
  const total = g.byStatus.reduce((n, r) => n + r.n, 0);
  const tiers = g.byTier.length ? g.byTier.map((r) => `${tierLabel(r.key)}: *${r.n}*`).join(' · ') : 'none registered';
  const statuses = g.byStatus.length ? g.byStatus.map((r) => `${escapeText(r.key)}: *${r.n}*`).join(' · ') : '—';
  const name = (s: string) => `*${escapeText(truncate(s, 80))}*`;
  return [
    header('Governance overview'),
    section(`*${total} AI systems* by tier: ${tiers}\nBy status: ${statuses}\nOverdue reviews: *${g.overdueReviews.count}* · overdue evidence: *${g.overdueEvidence.count}* · open exceptions: *${g.openExceptions.count}* · risk acceptances expiring within 30 days: *${g.expiringAcceptances.count}*`),
    ...shortList('home-gov-reviews', 'Overdue reviews', g.overdueReviews.count, g.overdueReviews.items.map((r) => ({
      systemId: r.systemId, systemName: r.systemName, line: `${name(r.systemName)} — due ${day(r.dueAt, tz)}, owner ${mention(r.ownerId)}`,
    })), 'none :white_check_mark:'),
    ...shortList('home-gov-evidence', 'Overdue evidence', g.overdueEvidence.count, g.overdueEvidence.items.map((c) => ({
      systemId: c.systemId, systemName: c.systemName,
      line: `${name(c.systemName)} — ${sourceLabel(c.source)} ${escapeText(c.requirementId)}, due ${day(c.dueAt, tz)}, owner ${mention(c.ownerId)}`,
    })), 'none :white_check_mark:'),
    ...shortList('home-gov-exceptions', 'Open exceptions', g.openExceptions.count, g.openExceptions.items.map((e) => ({
      systemId: e.systemId, systemName: e.systemName,
      line: `${name(e.systemName)} — ${escapeText(truncate(e.reason, 120))} (${e.status.replace(/_/g, ' ')}, due ${day(e.dueAt, tz)})`,
    })), 'none'),
    ...shortList('home-gov-expiring', 'Risk acceptances expiring soon', g.expiringAcceptances.count, g.expiringAcceptances.items.map((e) => ({
      systemId: e.systemId, systemName: e.systemName, line: `${name(e.systemName)} — accepted until ${day(e.acceptedUntil, tz)}${e.acceptedBy ? ` by ${mention(e.acceptedBy)}` : ''}`,
    })), 'none'),
    divider(),
  ];
}
