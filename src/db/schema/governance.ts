import { date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/** Decision record: scope, assumption, risk or obligation, owner, approval, date. */
export const decisions = pgTable('decisions', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  reviewId: text('review_id'),
  scope: text('scope').notNull(),
  assumption: text('assumption'),
  riskOrObligation: text('risk_or_obligation').notNull(),
  /** What the outcome changes: scope, risk or classification (why it needs the forum's approval). */
  changes: text('changes'),
  ownerId: text('owner_id').notNull(),
  status: text('status').notNull().default('pending'),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  decisionReason: text('decision_reason'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [index('decisions_by_system').on(t.systemId), index('decisions_by_status').on(t.status)]);

/** Review record: result, exception, corrective action, next owner, next review date. */
export const reviews = pgTable('reviews', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  status: text('status').notNull().default('due'),
  dueAt: instant('due_at').notNull(),
  dueReason: text('due_reason').notNull(),
  result: text('result'),
  exceptionsFound: text('exceptions_found'),
  correctiveAction: text('corrective_action'),
  nextOwnerId: text('next_owner_id'),
  nextReviewAt: instant('next_review_at'),
  reviewerId: text('reviewer_id'),
  completedAt: instant('completed_at'),
  createdAt: createdAt(),
}, (t) => [
  index('reviews_by_status_due').on(t.status, t.dueAt),
  index('reviews_by_system').on(t.systemId),
  // Two sweeps finding the same review due create it once.
  uniqueIndex('reviews_once_per_due').on(t.systemId, t.dueReason, t.dueAt),
]);

/** Exceptions end as risk acceptance (approver, expiry) or corrective action (owner, due date): never hidden. */
export const exceptions = pgTable('exceptions', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  claimId: text('claim_id'),
  reviewId: text('review_id'),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('open'),
  openedBy: text('opened_by').notNull(),
  dueAt: instant('due_at').notNull(),
  acceptedBy: text('accepted_by'),
  /** Start of the current acceptance period (reset by an extension): the 80% notice counts from it. */
  acceptedAt: instant('accepted_at'),
  acceptedUntil: instant('accepted_until'),
  rationale: text('rationale'),
  correctiveAction: text('corrective_action'),
  actionOwnerId: text('action_owner_id'),
  actionDueAt: instant('action_due_at'),
  closedAt: instant('closed_at'),
  createdAt: createdAt(),
}, (t) => [index('exceptions_by_status').on(t.status), index('exceptions_by_system').on(t.systemId)]);

/** Legal dates (EU AI Act Art. 73 reports, dates of application), tracked apart from review cycles. */
export const statutoryDeadlines = pgTable('statutory_deadlines', {
  id: text('id').primaryKey(),
  systemId: text('system_id'),
  requestId: text('request_id'),
  ref: text('ref').notNull(),
  label: text('label').notNull(),
  dueAt: instant('due_at').notNull(),
  status: text('status').notNull().default('open'),
  createdAt: createdAt(),
}, (t) => [index('statutory_deadlines_by_status_due').on(t.status, t.dueAt)]);

/**
 * Each (item, level, due cycle) escalates once: the unique key, not a check in memory, is what keeps
 * a re-run, a restart or a second replica from posting twice.
 */
export const escalations = pgTable('escalations', {
  id: text('id').primaryKey(),
  itemKind: text('item_kind').notNull(),
  itemId: text('item_id').notNull(),
  systemId: text('system_id').notNull(),
  level: integer('level').notNull(),
  cycleKey: text('cycle_key').notNull(),
  outcome: text('outcome').notNull(),
  acknowledgedBy: text('acknowledged_by'),
  acknowledgedAt: instant('acknowledged_at'),
  snoozedUntil: instant('snoozed_until'),
  snoozeReason: text('snooze_reason'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('escalations_once_per_item_level_cycle').on(t.itemKind, t.itemId, t.level, t.cycleKey),
  // The sweep reads each overdue item's history by item id alone, which the unique index (kind first) can't serve.
  index('escalations_by_item').on(t.itemId),
]);

/** A reminder DM goes to an owner at most once a day. */
export const ownerReminders = pgTable('owner_reminders', {
  ownerId: text('owner_id').notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('owner_reminders_once_a_day').on(t.ownerId, t.day, t.kind)]);
