import { boolean, date, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/** One row of the evidence matrix: a claim that a requirement of one source is met for one system. */
export const evidenceClaims = pgTable('evidence_claims', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  source: text('source').notNull(),
  requirementId: text('requirement_id').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  reason: text('reason').notNull(),
  ownerId: text('owner_id').notNull(),
  status: text('status').notNull().default('requested'),
  dueAt: instant('due_at').notNull(),
  reviewTrigger: text('review_trigger').notNull(),
  reusePermission: text('reuse_permission').notNull(),
  artifactId: text('artifact_id'),
  staleReason: text('stale_reason'),
  /** Status `retired`: the requirement no longer applies (the law or the facts changed). The claim and its evidence stay. */
  retiredReason: text('retired_reason'),
  retiredAt: instant('retired_at'),
  requestedAt: instant('requested_at').notNull().defaultNow(),
  answeredAt: instant('answered_at'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('evidence_claims_one_per_requirement').on(t.systemId, t.source, t.requirementId),
  index('evidence_claims_by_owner_status').on(t.ownerId, t.status),
  index('evidence_claims_by_status_due').on(t.status, t.dueAt),
  // The digest's completion by framework counts (source, status) without reading the table.
  index('evidence_claims_by_source_status').on(t.source, t.status),
  // The sweep finds answered claims whose artifact's period has ended by walking from the artifact to its claims.
  index('evidence_claims_by_artifact').on(t.artifactId),
]);

/** An artifact is proof (link, ticket, log, minutes, test result) with a date and the period it covers. */
export const evidenceArtifacts = pgTable('evidence_artifacts', {
  id: text('id').primaryKey(),
  systemId: text('system_id').notNull(),
  kind: text('kind').notNull(),
  links: text('links').array().notNull(),
  description: text('description').notNull(),
  evidenceDate: date('evidence_date', { mode: 'string' }).notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  criteriaMet: boolean('criteria_met').notNull(),
  /** Files uploaded to Slack as the artifact, each with the SHA-256 of its content when submitted (EvidenceFile[]). */
  files: jsonb('files').notNull().default([]),
  /** The conditions under which it was collected: reuse compares these (PRODUCT.md reuse rule). */
  conditions: jsonb('conditions').notNull(),
  submittedBy: text('submitted_by').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('evidence_artifacts_idempotency').on(t.idempotencyKey),
  index('evidence_artifacts_by_system').on(t.systemId),
  // The hourly sweep's "evidence period ended" read starts here instead of reading both tables whole.
  index('evidence_artifacts_by_period_end').on(t.periodTo),
]);

/**
 * "Still valid": an owner confirmed an artifact for a new period without submitting it again. Who, when,
 * the date they checked it, their note, and the period before and after. The artifact's period is extended;
 * these rows are its history.
 */
export const evidenceAttestations = pgTable('evidence_attestations', {
  id: text('id').primaryKey(),
  artifactId: text('artifact_id').notNull(),
  claimId: text('claim_id').notNull(),
  attestedBy: text('attested_by').notNull(),
  checkedOn: date('checked_on', { mode: 'string' }).notNull(),
  note: text('note').notNull(),
  previousPeriodTo: date('previous_period_to', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('evidence_attestations_idempotency').on(t.idempotencyKey),
  index('evidence_attestations_by_artifact').on(t.artifactId),
]);
