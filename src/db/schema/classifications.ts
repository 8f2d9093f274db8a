import { jsonb, pgTable, text, index } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * Each classification computed for a system is kept (never overwritten) so an auditor can see what
 * the rules said at the time; overrides sit beside the computed result, with who and why.
 */
export const classifications = pgTable('classifications', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  requestId: text('request_id'),
  computed: jsonb('computed').notNull(),
  overrides: jsonb('overrides').notNull().default([]),
  rulesVersion: text('rules_version').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [index('classifications_by_system').on(t.systemId, t.createdAt)]);
