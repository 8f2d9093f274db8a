import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any('{…}'::text[])`: membership in a long list as one parameter. drizzle's inArray binds
 * one parameter per value, and building a statement of thousands of parameters cost a sweep more than
 * running it. The planner uses an index for `= any(array)` as it does for `in (…)`.
 */
export function inList(column: PgColumn | SQL, values: readonly string[]): SQL {
  if (!values.length) return sql`false`;
  return sql`${column} = any(${textArrayLiteral(values)}::text[])`;
}

/** A PostgreSQL array literal of texts: every element quoted, with `"` and `\` escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
