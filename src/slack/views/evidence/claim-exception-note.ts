import { escapeText, mention, truncate } from '../../escape.js';
import { context, section, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';

interface NoteClaim { source: string; requirementId: string; title: string }

/** An owner's Can't provide, in the system's own thread: the exception itself is with the forum in its channel. */
export function buildClaimExceptionNote(args: { exceptionId: string; systemName: string; claim: NoteClaim; actorId: string; reason: string }): { text: string; blocks: Block[] } {
  const claim = `*${sourceLabel(args.claim.source)} ${escapeText(args.claim.requirementId)}* — ${escapeText(truncate(args.claim.title, 150))}`;
  return {
    text: `Exception opened for ${escapeText(args.systemName)}: ${escapeText(args.claim.requirementId)}`,
    blocks: [
      section(`:warning: ${mention(args.actorId)} cannot provide evidence for ${claim}\n*Reason:* ${escapeText(truncate(args.reason, 1500))}`),
      context(`Exception \`${args.exceptionId}\` is with the governance forum.`),
    ],
  };
}
