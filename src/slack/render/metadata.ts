import type { MessageMetadata } from '../../outbox/rendering.js';

// Message metadata (Slack: "Message metadata", `metadata.event_type` / `event_payload` on chat.postMessage)
// ties each message to its record, so a message and its record find each other without parsing text.
// Event types name the record kind; payload keys are snake_case ids, as Slack's examples use.

export const systemMetadata = (systemId: string): MessageMetadata => ({ event_type: 'aigov_system', event_payload: { system_id: systemId } });
