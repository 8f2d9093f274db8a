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
  /** CLASSIFICATION_VERSION_KEY of the rules and reference data that computed it. */
  rulesVersion: text('rules_version').notNull(),
  /** CLASSIFICATION_VERSIONS in full (rules and each source's version); null on rows from before versions were kept. */
  versions: jsonb('versions'),
  /** The classification this one replaced when the system was classified again under new rules. */
  replaces: text('replaces'),
  /** What changed from the replaced classification (tier, sources, requirements, dates, with the reason); null when nothing did. */
  change: jsonb('change'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('classifications_by_system').on(t.systemId, t.createdAt),
  // A re-classification's notifications read the changed rows of one version.
  index('classifications_by_version').on(t.rulesVersion),
]);
