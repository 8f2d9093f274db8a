import type { z } from 'zod';
import { CANVAS_EVENTS } from '../canvases/events.js';
import { EVIDENCE_EVENTS } from '../evidence/events.js';

/**
 * Every event a state change may queue for Slack, by kind. A kind is versioned: a release that changes an
 * event's shape adds `.v2` and keeps rendering `.v1`, because rows queued by the previous release still
 * drain after an upgrade.
 */
export const OUTBOX_EVENTS = {
  ...EVIDENCE_EVENTS,
  ...CANVAS_EVENTS,
} as const satisfies Record<string, z.ZodType>;

export type EventKind = keyof typeof OUTBOX_EVENTS;
export type EventBody<K extends EventKind> = z.infer<(typeof OUTBOX_EVENTS)[K]>;
export type OutboxEvent = { [K in EventKind]: { kind: K; body: EventBody<K> } }[EventKind];

export const isEventKind = (kind: string): boolean => Object.hasOwn(OUTBOX_EVENTS, kind);
