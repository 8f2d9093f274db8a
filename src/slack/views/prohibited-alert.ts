import { ACTIONS } from '../ids.js';
import { escapeText, mention } from '../escape.js';
import { actions, button, section, type Block } from './blocks.js';

/** A prohibited-tier system is never scheduled: the forum hears of it the moment it is registered. */
export function buildProhibitedAlert(args: { systemId: string; name: string; ownerId: string; reason: string; admins: readonly string[]; exceptionId: string }): { text: string; blocks: Block[] } {
  const admins = args.admins.map(mention).join(' ');
  const blocks: Block[] = [
    section(`:no_entry: *${escapeText(args.name)}* (\`${args.systemId}\`) was registered with a practice prohibited by the EU AI Act. Owner ${mention(args.ownerId)}.${admins ? ` ${admins}` : ''}\n${escapeText(args.reason)}`),
    section(`Exception \`${args.exceptionId}\` is open until the forum decides: stop the practice (corrective action) or record why it does not apply.`),
    actions(`exception:${args.exceptionId}`, [
      button('Open record', ACTIONS.openRecord, args.systemId),
      button('Corrective action', ACTIONS.exceptionCorrectiveAction, args.exceptionId, 'primary'),
    ]),
  ];
  return { text: `Prohibited practice registered: ${escapeText(args.name)}`, blocks };
}
