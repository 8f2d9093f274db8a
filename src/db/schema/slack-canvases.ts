import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.js';

/**
 * Canvases aigov keeps current (the governance channel's register, one per AI system): created once, then
 * edited section by section. `sectionDigests` holds a hash of each section as last written, so an edit
 * touches only the sections whose content changed.
 */
export const slackCanvases = pgTable('slack_canvases', {
  /** The card key (`canvas:governance`, `canvas:system:<id>`) of the outbox rows that draw it. */
  key: text('key').primaryKey(),
  canvasId: text('canvas_id').notNull(),
  /** The channel it is tabbed in (the governance channel's canvas), if any. */
  channel: text('channel'),
  /** Where people open it: `https://<workspace>.slack.com/docs/<team>/<canvas>`. */
  url: text('url'),
  /** Heading → hash of the section's markdown as last written. */
  sectionDigests: jsonb('section_digests').$type<Record<string, string>>().notNull(),
  /** Users and channels it has been shared with, so a new owner is shared once. */
  sharedWith: text('shared_with').array().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * Whether this workspace lets aigov use canvases. A row means it does not (a free plan, a missing scope,
 * canvases turned off): the reason is shown to admins in App Home, and a later success deletes the row
 * and brings every canvas up to date.
 */
export const canvasAvailability = pgTable('canvas_availability', {
  /** Always `workspace`: one row at most. */
  scope: text('scope').primaryKey(),
  /** Slack's error code, e.g. `missing_scope`, `team_tier_cannot_create_channel_canvases`. */
  reason: text('reason').notNull(),
  /** The Slack method that said so. */
  method: text('method').notNull(),
  since: instant('since').notNull().defaultNow(),
});
