import type { MessageMetadata } from '../../outbox/rendering.js';

// Message metadata (Slack: "Message metadata", `metadata.event_type` / `event_payload` on chat.postMessage)
// ties each message to its record, so a message and its record find each other without parsing text.
// Event types name the record kind; payload keys are snake_case ids, as Slack's examples use.

export const systemMetadata = (systemId: string): MessageMetadata => ({ event_type: 'aigov_system', event_payload: { system_id: systemId } });

export const escalationMetadata = (cardKey: string, systemId: string): MessageMetadata =>
  ({ event_type: 'aigov_escalation', event_payload: { escalation_card: cardKey, system_id: systemId } });

export const reviewMetadata = (reviewId: string, systemId: string): MessageMetadata =>
  ({ event_type: 'aigov_review', event_payload: { review_id: reviewId, system_id: systemId } });

export const exceptionMetadata = (exceptionId: string, systemId: string): MessageMetadata =>
  ({ event_type: 'aigov_exception', event_payload: { exception_id: exceptionId, system_id: systemId } });

export const decisionMetadata = (decisionId: string, systemId: string): MessageMetadata =>
  ({ event_type: 'aigov_decision', event_payload: { decision_id: decisionId, system_id: systemId } });

export const digestMetadata = (period: string): MessageMetadata => ({ event_type: 'aigov_digest', event_payload: { period } });

/** A message to one owner about their work (reminders, the Monday message), tied to the person and the day or week. */
export const ownerMetadata = (ownerId: string, fields: Record<string, string>): MessageMetadata =>
  ({ event_type: 'aigov_owner', event_payload: { owner_id: ownerId, ...fields } });
