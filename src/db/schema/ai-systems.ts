import { boolean, integer, jsonb, pgTable, text, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, instant } from './columns.js';

/** The AI system inventory: one row per registered system, with its current classification. */
export const aiSystems = pgTable('ai_systems', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  ownerId: text('owner_id').notNull(),
  lifecycleStage: text('lifecycle_stage').notNull(),
  operatorRole: text('operator_role').notNull(),
  euNexus: boolean('eu_nexus').notNull(),
  dataCategories: text('data_categories').array().notNull(),
  prohibitedPractice: text('prohibited_practice'),
  annexIProduct: boolean('annex_i_product').notNull(),
  annexIIIPoint: text('annex_iii_point'),
  art63Condition: text('art6_3_condition'),
  profiling: boolean('profiling').notNull(),
  transparency: text('transparency').array().notNull(),
  supplier: text('supplier'),
  humanOversight: text('human_oversight'),
  monitoringSignal: text('monitoring_signal'),
  trigger: text('trigger').notNull(),
  status: text('status').notNull().default('active'),
  riskTier: text('risk_tier').notNull(),
  workKind: text('work_kind').notNull(),
  primarySource: text('primary_source').notNull(),
  currentClassificationId: text('current_classification_id'),
  reviewerId: text('reviewer_id'),
  approverId: text('approver_id'),
  cadenceDays: integer('cadence_days'),
  nextReviewAt: instant('next_review_at'),
  /** The announcement card in the intake channel: later notes go in its thread. */
  announcementChannel: text('announcement_channel'),
  announcementTs: text('announcement_ts'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  facts: jsonb('facts').notNull(),
}, (t) => [
  uniqueIndex('ai_systems_name_unique').on(sql`lower(${t.name})`),
  index('ai_systems_by_owner').on(t.ownerId),
  index('ai_systems_by_next_review').on(t.nextReviewAt),
  index('ai_systems_by_created_at').on(t.createdAt),
  // The intake's likely-duplicate check: names starting with a word, and the same supplier.
  index('ai_systems_name_prefix').using('btree', sql`lower(${t.name}) text_pattern_ops`),
  index('ai_systems_by_supplier').on(sql`lower(${t.supplier})`),
]);
