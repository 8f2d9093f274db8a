import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** The framework catalog as rows, so exports and SQL can join claims to titles. Seeded from src/domain/catalog. */
export const requirements = pgTable('requirements', {
  source: text('source').notNull(),
  requirementId: text('requirement_id').notNull(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
}, (t) => [primaryKey({ columns: [t.source, t.requirementId] })]);
