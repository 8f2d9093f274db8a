import type { z } from 'zod';
import { CANVAS_EVENTS } from '../canvases/events.js';
import { EVIDENCE_EVENTS } from '../evidence/events.js';
import { ESCALATION_EVENTS } from '../escalations/events.js';
import { REVIEW_EVENTS } from '../reviews/events.js';
import { EXCEPTION_EVENTS } from '../exceptions/events.js';
import { DECISION_EVENTS } from '../decisions/events.js';
import { DIGEST_EVENTS } from '../digest/events.js';
import { SWEEP_EVENTS } from '../sweep/events.js';
import { EVIDENCE_NOTE_EVENTS } from '../evidence/note-events.js';
import { INTAKE_EVENTS } from '../intake/events.js';
import { CLASSIFICATION_EVENTS } from '../classification/events.js';
import { REQUEST_EVENTS } from '../requests/events.js';
import { SOA_EVENTS } from '../soa/events.js';

/**
 * Every event a state change may queue for Slack, by kind. A kind is versioned: a release that changes an
 * event's shape adds `.v2` and keeps rendering `.v1`, because rows queued by the previous release still
 * drain after an upgrade.
 */
export const OUTBOX_EVENTS = {
  ...EVIDENCE_EVENTS,
  ...ESCALATION_EVENTS,
  ...REVIEW_EVENTS,
  ...EXCEPTION_EVENTS,
  ...DECISION_EVENTS,
  ...DIGEST_EVENTS,
  ...SWEEP_EVENTS,
  ...EVIDENCE_NOTE_EVENTS,
  ...INTAKE_EVENTS,
  ...CLASSIFICATION_EVENTS,
  ...REQUEST_EVENTS,
  ...SOA_EVENTS,
  ...CANVAS_EVENTS,
} as const satisfies Record<string, z.ZodType>;

export type EventKind = keyof typeof OUTBOX_EVENTS;
export type EventBody<K extends EventKind> = z.infer<(typeof OUTBOX_EVENTS)[K]>;
export type OutboxEvent = { [K in EventKind]: { kind: K; body: EventBody<K> } }[EventKind];

export const isEventKind = (kind: string): boolean => Object.hasOwn(OUTBOX_EVENTS, kind);
