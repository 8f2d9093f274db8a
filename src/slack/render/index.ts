import { OUTBOX_EVENTS, isEventKind, type EventBody, type EventKind } from '../../app/events/registry.js';
import { SYSTEM_ACTOR_ID, type ServiceContext } from '../../app/context.js';
import type { EventRenderer, Rendered, RenderRequest } from '../../outbox/rendering.js';
import { renderEvidenceCard } from './evidence/evidence-card.js';
import { renderEvidenceRequest } from './evidence/evidence-request-notice.js';
import { renderEscalationPost } from './escalations/escalation-post.js';
import { renderReviewCard } from './reviews/review-card.js';
import { renderExceptionCard } from './exceptions/exception-card.js';
import { renderRiskNotice } from './exceptions/risk-notice.js';
import { renderDecisionCard } from './decisions/decision-card.js';
import { renderDigest } from './digest/digest.js';
import { renderOwnerReminder } from './sweep/owner-reminder.js';
import { renderOwnerWeek } from './sweep/owner-week.js';
import { renderStillValidOffer } from './sweep/still-valid-offer.js';

type Render<K extends EventKind> = (ctx: ServiceContext, body: EventBody<K>, request: RenderRequest) => Promise<Rendered>;

/** One renderer per event kind: a kind without one does not compile. */
const RENDERERS: { [K in EventKind]: Render<K> } = {
  'evidence.card.v1': renderEvidenceCard,
  'evidence.requested.v1': renderEvidenceRequest,
  'escalation.posted.v1': renderEscalationPost,
  'review.card.v1': renderReviewCard,
  'exception.card.v1': renderExceptionCard,
  'risk.notice.v1': renderRiskNotice,
  'decision.card.v1': renderDecisionCard,
  'digest.posted.v1': renderDigest,
  'owner.reminder.v1': renderOwnerReminder,
  'owner.week.v1': renderOwnerWeek,
  'evidence.still-valid-offer.v1': renderStillValidOffer,
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
