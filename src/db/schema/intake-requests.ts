import { boolean, jsonb, pgTable, text, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/** Every intake (new system, change, incident, supplier, assurance request), as submitted. */
export const intakeRequests = pgTable('intake_requests', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  trigger: text('trigger').notNull(),
  systemId: text('system_id'),
  requesterId: text('requester_id').notNull(),
  summary: text('summary').notNull(),
  facts: jsonb('facts').notNull(),
  status: text('status').notNull().default('open'),
  seriousIncident: boolean('serious_incident'),
  via: text('via').notNull(),
  /** Slack retries and double submissions carry the same key; the second insert does nothing. */
  idempotencyKey: text('idempotency_key').notNull(),
  createdAt: createdAt(),
  closedAt: instant('closed_at'),
}, (t) => [
  uniqueIndex('intake_requests_idempotency').on(t.idempotencyKey),
  index('intake_requests_by_system').on(t.systemId),
  index('intake_requests_by_requester').on(t.requesterId),
]);
