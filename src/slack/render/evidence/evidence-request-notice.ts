import type { ServiceContext } from '../../../app/context.js';
import type { EventBody } from '../../../app/events/registry.js';
import { loadEvidenceRequest } from '../../../app/evidence/load-evidence-request.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { systemMetadata } from '../metadata.js';
import { escapeText, mention, truncate } from '../../escape.js';
import { context, section, type Block } from '../../views/blocks.js';
import { sourceLabel } from '../../views/classification-text.js';

const isUserId = (id: string) => /^[UW][A-Z0-9]{2,}$/.test(id);

/** The DM telling an owner that evidence was asked of them by a date; the evidence card beside it has the buttons. */
export function buildEvidenceRequestNotice(args: {
  systemId: string; systemName: string; source: string; requirementId: string; title: string; dueDate: string; requesterId: string;
}): { text: string; blocks: Block[] } {
  const who = isUserId(args.requesterId) ? mention(args.requesterId) : 'A Workflow Builder step';
  const requirement = `*${sourceLabel(args.source)} ${escapeText(args.requirementId)}* — ${escapeText(truncate(args.title, 150))}`;
  return {
    text: `Evidence requested for ${escapeText(args.systemName)}: ${escapeText(args.requirementId)}, due ${args.dueDate}`,
    blocks: [
      section(`:inbox_tray: ${who} asks you for evidence for *${escapeText(args.systemName)}* (\`${args.systemId}\`) by *${args.dueDate}*:\n${requirement}`),
      context('Answer from your evidence card for this system: Submit evidence, Reassign or Can\'t provide.'),
    ],
  };
}

/** The request notice, to the claim's owner as of the request. */
export async function renderEvidenceRequest(ctx: ServiceContext, body: EventBody<'evidence.requested.v1'>): Promise<Rendered> {
  const model = await loadEvidenceRequest({ ctx, input: { claimId: body.claimId } });
  if (!model) return { skip: `claim ${body.claimId} is gone` };
  const notice = buildEvidenceRequestNotice({ ...model, dueDate: body.dueDate, requesterId: body.requesterId });
  return { message: { channel: model.ownerId, ...notice, metadata: systemMetadata(model.systemId) } };
}
