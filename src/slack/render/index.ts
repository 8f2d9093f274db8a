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
import { renderClaimExceptionNote, renderEvidenceNote } from './evidence/evidence-note.js';
import { renderAnnouncement } from './intake/announcement.js';
import { renderProhibitedAlert } from './intake/prohibited-alert.js';
import { renderInventoryImported } from './intake/inventory-imported.js';
import { renderOverrideNote } from './classification/override-note.js';
import { renderReclassificationSummary, renderReclassifiedOwner } from './classification/reclassification.js';
import { renderAssuranceRequest, renderLegalDeadline, renderRequestNote, renderRequestReceipt } from './requests/request-messages.js';
import { renderSoaApproved, renderSoaOwnerNotice } from './soa/soa-messages.js';
import { renderGovernanceCanvas } from './canvases/governance-canvas.js';
import { renderSystemCanvas } from './canvases/system-canvas.js';

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
  'evidence.note.v1': renderEvidenceNote,
  'evidence.exception-note.v1': renderClaimExceptionNote,
  'intake.announcement.v1': renderAnnouncement,
  'intake.prohibited.v1': renderProhibitedAlert,
  'intake.imported.v1': renderInventoryImported,
  'classification.override-note.v1': renderOverrideNote,
  'classification.reclassified-owner.v1': renderReclassifiedOwner,
  'classification.reclassified-summary.v1': renderReclassificationSummary,
  'requests.note.v1': renderRequestNote,
  'requests.receipt.v1': renderRequestReceipt,
  'requests.assurance.v1': renderAssuranceRequest,
  'requests.legal-deadline.v1': renderLegalDeadline,
  'soa.approved.v1': renderSoaApproved,
  'soa.owner-notice.v1': renderSoaOwnerNotice,
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
