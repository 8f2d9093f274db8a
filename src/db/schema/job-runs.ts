import { pgTable, primaryKey, text, jsonb } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/** One row per (job, period): the primary key makes each digest happen once, whichever replica runs it. */
export const jobRuns = pgTable('job_runs', {
  job: text('job').notNull(),
  periodKey: text('period_key').notNull(),
  status: text('status').notNull(),
  summary: jsonb('summary'),
  startedAt: createdAt(),
  finishedAt: instant('finished_at'),
}, (t) => [primaryKey({ columns: [t.job, t.periodKey] })]);

/** Slack profile facts we cache (time zone for working hours). */
export const userProfiles = pgTable('user_profiles', {
  userId: text('user_id').primaryKey(),
  tz: text('tz').notNull(),
  fetchedAt: instant('fetched_at').notNull(),
});
