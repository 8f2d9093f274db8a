import { loadEvidenceCard } from '../../../app/evidence/load-evidence-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered, RenderRequest } from '../../../outbox/rendering.js';
import { buildEvidenceCard } from '../../views/evidence-card.js';
import { systemMetadata } from '../metadata.js';

/** An owner's evidence card as the claims stand now. */
export async function renderEvidenceCard(ctx: ServiceContext, body: EventBody<'evidence.card.v1'>, request: RenderRequest): Promise<Rendered> {
  const model = await loadEvidenceCard({ ctx, input: body });
  if (!model) return { skip: `system ${body.systemId} is gone` };
  // Nothing owed and never told: say nothing. Told before (all reassigned away): the edit says so.
  if (!model.claims.length && !request.existing) return { skip: 'the owner holds no claims of this system' };
  const card = buildEvidenceCard({ ...model, ...(body.notes ? { notes: body.notes } : {}) });
  return { message: { channel: body.ownerId, ...card, metadata: systemMetadata(body.systemId) } };
}
