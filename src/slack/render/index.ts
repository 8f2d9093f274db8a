import { OUTBOX_EVENTS, isEventKind, type EventBody, type EventKind } from '../../app/events/registry.js';
import { SYSTEM_ACTOR_ID, type ServiceContext } from '../../app/context.js';
import type { EventRenderer, Rendered, RenderRequest } from '../../outbox/rendering.js';
import { renderEvidenceCard } from './evidence/evidence-card.js';
import { renderGovernanceCanvas } from './canvases/governance-canvas.js';
import { renderSystemCanvas } from './canvases/system-canvas.js';

type Render<K extends EventKind> = (ctx: ServiceContext, body: EventBody<K>, request: RenderRequest) => Promise<Rendered>;

/** One renderer per event kind: a kind without one does not compile. */
const RENDERERS: { [K in EventKind]: Render<K> } = {
  'evidence.card.v1': renderEvidenceCard,
  'canvas.governance.v1': renderGovernanceCanvas,
  'canvas.system.v1': renderSystemCanvas,
};

/**
 * Builds queued events into Slack messages at delivery, from the records' state. It reads through the
 * same verbs the rest of the app uses, as the system actor, with the clock set to the event's time.
 */
export function createEventRenderer(base: Pick<ServiceContext, 'db' | 'policy' | 'logger'>): EventRenderer {
  return {
    renders: isEventKind,
    async render(request) {
      const kind = request.kind as EventKind;
      const body = OUTBOX_EVENTS[kind].parse(request.payload);
      const ctx: ServiceContext = {
        ...base,
        now: () => request.asOf,
        actor: { userId: SYSTEM_ACTOR_ID, isAdmin: true, origin: { via: 'scheduler', job: 'outbox' } },
      };
      return (RENDERERS[kind] as Render<typeof kind>)(ctx, body as never, request);
    },
  };
}
