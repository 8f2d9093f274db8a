import { ACTIONS } from '../../ids.js';
import { escapeText, mention, truncate } from '../../escape.js';
import { actions, button, context, header, section, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';

export interface EndingClaim { id: string; source: string; requirementId: string; title: string }

const MAX_SHOWN = 20;

/**
 * Before evidence runs out: the owner is told which claims' evidence ends on one day and can confirm
 * each as still valid for a new period, instead of submitting it again after it has lapsed.
 */
export function buildStillValidOffer(args: { systemId: string; systemName: string; ownerId: string; periodTo: string; claims: EndingClaim[] }): { text: string; blocks: Block[] } {
  const name = escapeText(args.systemName);
  const blocks: Block[] = [
    header(truncate(`Evidence ending soon: ${args.systemName}`, 150)),
    section(`${mention(args.ownerId)}, the evidence for these claims of *${name}* (\`${args.systemId}\`) covers a period that ends on *${args.periodTo}*. If it still holds, confirm it with *Still valid* and the period it now covers; otherwise the claim is asked for again, with *Submit evidence*, when the period ends.`),
  ];
  for (const c of args.claims.slice(0, MAX_SHOWN)) {
    blocks.push(section(`*${sourceLabel(c.source)} ${escapeText(c.requirementId)}* — ${escapeText(truncate(c.title, 150))}`));
    blocks.push(actions(`still-valid:${c.id}`, [button('Still valid', ACTIONS.evidenceStillValid, c.id, 'primary')]));
  }
  if (args.claims.length > MAX_SHOWN) blocks.push(context(`…and ${args.claims.length - MAX_SHOWN} more claims whose evidence ends that day.`));
  return { text: `Evidence for ${name} ends on ${args.periodTo}: ${args.claims.length} claim${args.claims.length === 1 ? '' : 's'} to confirm or renew`, blocks };
}
