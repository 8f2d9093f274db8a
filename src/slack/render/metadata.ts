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
// Intake, evidence notes, requests, re-classification and the Statement of Applicability.
export const exceptionOfSystemMetadata = (exceptionId: string, systemId: string): MessageMetadata => ({ event_type: 'aigov_exception', event_payload: { exception_id: exceptionId, system_id: systemId } });
export const requestMetadata = (requestId: string, systemId: string | null): MessageMetadata => ({ event_type: 'aigov_request', event_payload: { request_id: requestId, ...(systemId ? { system_id: systemId } : {}) } });
export const statutoryDeadlineMetadata = (deadlineId: string, systemId: string): MessageMetadata => ({ event_type: 'aigov_statutory_deadline', event_payload: { deadline_id: deadlineId, system_id: systemId } });
export const inventoryImportMetadata = (registered: number): MessageMetadata => ({ event_type: 'aigov_inventory_import', event_payload: { registered: String(registered) } });
export const reclassificationMetadata = (versionHandle: string): MessageMetadata => ({ event_type: 'aigov_reclassification', event_payload: { version: versionHandle } });
export const soaVersionMetadata = (versionId: string, number: number): MessageMetadata => ({ event_type: 'aigov_soa_version', event_payload: { soa_version_id: versionId, number: String(number) } });
export const soaControlMetadata = (framework: string, controlId: string): MessageMetadata => ({ event_type: 'aigov_soa_control', event_payload: { framework, control_id: controlId } });

/** A DM answering one person (an error, or the reply to a click from a modal or the Home tab): which request it answers. */
export const replyMetadata = (kind: 'error' | 'reply', ref: string): MessageMetadata => ({ event_type: 'aigov_reply', event_payload: { kind, ref } });
