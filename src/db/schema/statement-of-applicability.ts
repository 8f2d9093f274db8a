import { integer, jsonb, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/**
 * The organisation's standing word on one control (an ISO/IEC 42001 Annex A control or a NIST AI RMF
 * subcategory): its owner, and an applicability decision that overrides the rule's outcome. No row, or a
 * null decision, means the rule's outcome stands. The history is in soa_decisions.
 */
export const soaControls = pgTable('soa_controls', {
  framework: text('framework').notNull(),
  controlId: text('control_id').notNull(),
  ownerId: text('owner_id'),
  /** `applicable` or `excluded`; null: the rule's outcome stands. */
  decision: text('decision'),
  justification: text('justification'),
  /** The rule's outcome (`applicable`/`not_applicable`) when the decision was taken: a later change of it flags the decision for review. */
  ruleOutcome: text('rule_outcome'),
  decisionId: text('decision_id'),
  decidedBy: text('decided_by'),
  decidedAt: instant('decided_at'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.framework, t.controlId] })]);

/** Append-only decision records behind soa_controls: who assigned an owner or decided applicability, when and why. */
export const soaDecisions = pgTable('soa_decisions', {
  id: text('id').primaryKey(),
  framework: text('framework').notNull(),
  controlId: text('control_id').notNull(),
  /** `owner` or `applicability`. */
  kind: text('kind').notNull(),
  ownerId: text('owner_id'),
  decision: text('decision'),
  justification: text('justification'),
  ruleOutcome: text('rule_outcome'),
  ruleJustification: text('rule_justification'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: instant('decided_at').notNull(),
  createdAt: createdAt(),
}, (t) => [index('soa_decisions_by_control').on(t.framework, t.controlId, t.decidedAt)]);

/** The AIMS scope statement (ISO/IEC 42001 clause 4.3), each recording kept; the latest is the scope. */
export const aimsScopes = pgTable('aims_scopes', {
  id: text('id').primaryKey(),
  statement: text('statement').notNull(),
  /** Ids of the AI systems in scope; null: every registered AI system. */
  systemIds: text('system_ids').array(),
  units: text('units').array().notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: instant('recorded_at').notNull(),
  createdAt: createdAt(),
}, (t) => [index('aims_scopes_by_recorded_at').on(t.recordedAt)]);

/** Each approved Statement of Applicability, numbered from 1, with the document as approved. */
export const soaVersions = pgTable('soa_versions', {
  id: text('id').primaryKey(),
  number: integer('number').notNull().unique(),
  approvedBy: text('approved_by').notNull(),
  approvedAt: instant('approved_at').notNull(),
  scopeId: text('scope_id').notNull(),
  /** The rows and scope as approved (SoaDocumentContent), to show what changed since. */
  content: jsonb('content').notNull(),
  createdAt: createdAt(),
});
