import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/**
 * Slack messages caused by state changes, written in the same transaction as the change. The
 * dispatcher claims pending rows (FOR UPDATE SKIP LOCKED), delivers, then records the channel and ts
 * so later updates can chat.update the same message.
 */
export const outboxMessages = pgTable('outbox_messages', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  /**
   * The Slack message (or canvas) this row posts or edits, when it is one record's card: pending rows of
   * one card are coalesced into the newest, and no two rows of one card are delivered at once.
   */
  cardKey: text('card_key'),
  /** The time of the change that queued an event: the renderer reads state and words relative dates as of it. */
  asOf: instant('as_of'),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
  lockedUntil: instant('locked_until'),
  lastError: text('last_error'),
  resultChannel: text('result_channel'),
  resultTs: text('result_ts'),
  createdAt: createdAt(),
  sentAt: instant('sent_at'),
}, (t) => [
  uniqueIndex('outbox_messages_idempotency').on(t.idempotencyKey),
  index('outbox_messages_due').on(t.status, t.nextAttemptAt),
  index('outbox_messages_card').on(t.cardKey, t.status),
]);

/** Messages that are edited in place later (evidence cards, escalation cards): where they live in Slack. */
export const slackMessages = pgTable('slack_messages', {
  key: text('key').primaryKey(),
  channel: text('channel').notNull(),
  ts: text('ts').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
