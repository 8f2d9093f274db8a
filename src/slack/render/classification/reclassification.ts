import { loadReclassificationSummary, loadReclassifiedOwner } from '../../../app/classification/reclassification-report.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildReclassificationSummary, buildReclassifiedDm } from '../../views/reclassification.js';
import { reclassificationMetadata } from '../metadata.js';

/** An owner's one DM about a re-classification: each of their systems that changed, and why. */
export async function renderReclassifiedOwner(ctx: ServiceContext, body: EventBody<'classification.reclassified-owner.v1'>): Promise<Rendered> {
  const model = await loadReclassifiedOwner({ ctx, input: body });
  if (!model) return { skip: `no system of ${body.ownerId} stands changed under rules ${body.version}` };
  return { message: { channel: body.ownerId, ...buildReclassifiedDm(model), metadata: reclassificationMetadata(body.version) } };
}

/** The governance channel's one summary of a re-classification. */
export async function renderReclassificationSummary(ctx: ServiceContext, body: EventBody<'classification.reclassified-summary.v1'>): Promise<Rendered> {
  const report = await loadReclassificationSummary({ ctx, input: body });
  if (!report) return { skip: `no system stands changed under rules ${body.version}` };
  return { message: { channel: ctx.policy.governanceChannel, ...buildReclassificationSummary(report), metadata: reclassificationMetadata(body.version) } };
}
