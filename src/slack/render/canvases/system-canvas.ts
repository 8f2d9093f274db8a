import { loadSystemCanvas } from '../../../app/canvases/load-system-canvas.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered, RenderRequest } from '../../../outbox/rendering.js';
import { systemCanvasSections, systemCanvasTitle } from './system-canvas-markdown.js';

const isChannel = (id: string) => /^[CG][A-Z0-9]{2,}$/.test(id);
const isUser = (id: string | null | undefined): id is string => Boolean(id && /^[UW][A-Z0-9]{2,}$/.test(id));

/** One AI system's canvas (its dossier), shared with its owner and the governance channel. */
export async function renderSystemCanvas(ctx: ServiceContext, body: EventBody<'canvas.system.v1'>, request: RenderRequest): Promise<Rendered> {
  const model = await loadSystemCanvas({ ctx, input: body });
  if (!model) return { skip: `system ${body.systemId} is gone` };
  const s = model.record.system;
  return {
    canvas: {
      title: systemCanvasTitle(s.name),
      placement: { kind: 'standalone' },
      shareWith: { users: [s.ownerId].filter(isUser), channels: [ctx.policy.governanceChannel].filter(isChannel) },
      sections: systemCanvasSections(model, request.workspaceUrl),
    },
  };
}
