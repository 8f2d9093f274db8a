import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** Append-only: nothing updates or deletes a row (a database trigger refuses it). */
export const auditEvents = pgTable('audit_events', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  id: text('id').notNull().unique(),
  at: createdAt(),
  actorId: text('actor_id').notNull(),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  /** Where it came from: slack (channel, message ts, view id), cli or scheduler. */
  origin: jsonb('origin').notNull(),
}, (t) => [index('audit_events_by_at').on(t.at), index('audit_events_by_subject').on(t.subjectType, t.subjectId)]);
