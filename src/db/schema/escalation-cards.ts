import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/**
 * One escalation message in the governance channel: what it showed when posted (so it can be drawn
 * again when someone acts on it) and what the forum did with it. The ladder itself reads `escalations`.
 */
export const escalationCards = pgTable('escalation_cards', {
  /** The outbox storeAs key of the message, so a slack.update.v1 can edit it in place. */
  key: text('key').primaryKey(),
  systemId: text('system_id').notNull(),
  level: integer('level').notNull(),
  since: instant('since').notNull(),
  /** `<kind>:<id>` of every item on the card: the value its buttons carry. */
  itemRefs: text('item_refs').array().notNull(),
  /** The overdue items as posted: the first of them, the ones the card lists (item_refs counts them all). */
  items: jsonb('items').notNull(),
  acknowledgedBy: text('acknowledged_by'),
  acknowledgedAt: instant('acknowledged_at'),
  snoozedBy: text('snoozed_by'),
  snoozedUntil: instant('snoozed_until'),
  snoozeReason: text('snooze_reason'),
  reassignedBy: text('reassigned_by'),
  reassignedTo: text('reassigned_to'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [index('escalation_cards_by_item').using('gin', t.itemRefs)]);
