import { localDate } from '../../domain/calendar-dates.js';
import type { OverdueItem } from '../../app/sweep/overdue-items.js';
import { escapeText, mention, truncate } from '../escape.js';
import { context, section, type Block } from './blocks.js';

/** The owner's daily nudge: everything of theirs that is due, grouped by system. */
export function buildOwnerReminder(args: { ownerId: string; items: OverdueItem[]; timeZone: string }): { text: string; blocks: Block[] } {
  const bySystem = new Map<string, OverdueItem[]>();
  for (const i of args.items) bySystem.set(i.systemId, [...(bySystem.get(i.systemId) ?? []), i]);
  const blocks: Block[] = [section(`${mention(args.ownerId)}, ${args.items.length} item(s) of yours are due. Answer them from your evidence cards or the aigov Home tab.`)];
  for (const [systemId, items] of [...bySystem].slice(0, 20)) {
    const lines = items.slice(0, 10).map((i) => `• ${escapeText(truncate(i.what, 150))} — due ${localDate(i.dueAt, args.timeZone)}`).join('\n');
    blocks.push(section(`*${escapeText(items[0]!.systemName)}* (\`${systemId}\`)\n${lines}${items.length > 10 ? `\n…and ${items.length - 10} more` : ''}`));
  }
  if (bySystem.size > 20) blocks.push(context(`…and ${bySystem.size - 20} more systems on your Home tab.`));
  return { text: `Reminder: ${args.items.length} aigov item(s) of yours are due`, blocks };
}
