import { DateTime } from 'luxon';
import { escapeText, mention, truncate } from '../../escape.js';
import { actions, button, context, section, type Block } from '../blocks.js';
import { ACTIONS } from '../../ids.js';

/**
 * A legal deadline in the governance channel. It is labelled as one, apart from review cycles: the date
 * is owed to a regulator and the forum cannot move it.
 */
export function buildLegalDeadlinePost(args: {
  deadlineId: string; systemId: string; systemName: string; ownerId: string; reporterId: string; ref: string; dueAt: Date; reason: string;
  description: string; admins: readonly string[]; timeZone: string;
}): { text: string; blocks: Block[] } {
  const due = DateTime.fromJSDate(args.dueAt, { zone: args.timeZone }).toFormat("yyyy-LL-dd HH:mm ZZZZ");
  const admins = args.admins.map(mention).join(' ');
  const blocks: Block[] = [
    section(`:rotating_light: *LEGAL DEADLINE — EU AI Act ${escapeText(args.ref)}:* report the serious incident with *${escapeText(args.systemName)}* (\`${args.systemId}\`) by *${due}*\nReported by ${mention(args.reporterId)} · owner ${mention(args.ownerId)}${admins ? ` · ${admins}` : ''}`),
    section(`*What happened:* ${escapeText(truncate(args.description, 1500))}`),
    context(`${escapeText(args.reason)} · \`${args.deadlineId}\``),
    actions(`statutory:${args.deadlineId}`, [button('Open record', ACTIONS.openRecord, args.systemId)]),
  ];
  return { text: `LEGAL DEADLINE (EU AI Act ${escapeText(args.ref)}): report the serious incident with ${escapeText(args.systemName)} by ${due}`, blocks };
}
