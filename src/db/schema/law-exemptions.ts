import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, instant } from './columns.js';

/**
 * An exemption from a binding law, claimed by the system's owner with a justification and decided by the
 * governance forum through a decision record. Only an approved claim changes what the law asks of the system.
 */
export const lawExemptionClaims = pgTable('law_exemption_claims', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  law: text('law').notNull(),
  exemptionId: text('exemption_id').notNull(),
  justification: text('justification').notNull(),
  /** pending → approved | rejected, as the decision record goes. */
  status: text('status').notNull().default('pending'),
  decisionId: text('decision_id').notNull(),
  claimedBy: text('claimed_by').notNull(),
  createdAt: createdAt(),
  decidedAt: instant('decided_at'),
}, (t) => [
  // One live claim per system and exemption; a rejected one can be claimed again with a better case.
  uniqueIndex('law_exemption_claims_live').on(t.systemId, t.exemptionId).where(sql`${t.status} <> 'rejected'`),
  uniqueIndex('law_exemption_claims_by_decision').on(t.decisionId),
  index('law_exemption_claims_by_system').on(t.systemId),
]);
