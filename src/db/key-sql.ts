import { sql, type SQL } from 'drizzle-orm';

/**
 * A message key built per row in SQL from its parts (src/domain/message-keys.ts `keyParts`): literal
 * text as typed parameters, values as the SQL given. The key's spelling stays in the one key module.
 */
export function keySql(parts: readonly (string | SQL)[]): SQL {
  return sql.join(parts.map((p) => (typeof p === 'string' ? sql`${p}::text` : p)), sql` || `);
}
