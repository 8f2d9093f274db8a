import { loadGovernanceCanvas } from '../../../app/canvases/load-governance-canvas.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered, RenderRequest } from '../../../outbox/rendering.js';
import { GOVERNANCE_CANVAS_TITLE, governanceCanvasSections } from './governance-canvas-markdown.js';

/** The governance channel's canvas (its channel canvas), drawn from the portfolio as it stands. */
export async function renderGovernanceCanvas(ctx: ServiceContext, _body: EventBody<'canvas.governance.v1'>, request: RenderRequest): Promise<Rendered> {
  if (!ctx.policy.governanceChannel) return { skip: 'no governance channel is set' };
  const model = await loadGovernanceCanvas({ ctx });
  return {
    canvas: {
      title: GOVERNANCE_CANVAS_TITLE,
      placement: { kind: 'channel', channel: ctx.policy.governanceChannel },
      sections: governanceCanvasSections(model, request.workspaceUrl),
    },
  };
}
