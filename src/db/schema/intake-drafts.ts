import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * The facts of an intake between the details step and the user's confirmation. Slack limits a view's
 * private_metadata to 3,000 characters, too small for the free-text answers, so the review step
 * carries only the draft id. A draft is not a record: nothing is registered until it is confirmed.
 */
export const intakeDrafts = pgTable('intake_drafts', {
  id: text('id').primaryKey(),
  requesterId: text('requester_id').notNull(),
  kind: text('kind').notNull(),
  facts: jsonb('facts').notNull(),
  createdAt: createdAt(),
});
