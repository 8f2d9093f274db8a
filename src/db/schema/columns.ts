import { timestamp } from 'drizzle-orm/pg-core';

/** Every timestamp is stored with its zone so PGlite, PostgreSQL and the CLI agree on instants. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => instant('created_at').notNull().defaultNow();
