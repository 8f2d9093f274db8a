import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { requirements } from './schema/index.js';
import { REQUIREMENTS } from '../domain/catalog/index.js';

/**
 * The catalog ships with the code; each start brings the table up to date with it. Only rows that are
 * missing or differ are written: rewriting every row on every start cost about a second on the embedded
 * database, most of a start, for a table that changes only with a release.
 */
export async function seedCatalog(db: Db): Promise<void> {
  const stored = new Map((await db.select({ source: requirements.source, requirementId: requirements.requirementId, title: requirements.title, kind: requirements.kind }).from(requirements))
    .map((r) => [`${r.source}\u0000${r.requirementId}`, r]));
  const rows = REQUIREMENTS.map((r) => ({ source: r.source, requirementId: r.id, title: r.title, kind: r.kind }))
    .filter((r) => {
      const had = stored.get(`${r.source}\u0000${r.requirementId}`);
      return !had || had.title !== r.title || had.kind !== r.kind;
    });
  for (let i = 0; i < rows.length; i += 200) {
    await db.insert(requirements).values(rows.slice(i, i + 200))
      .onConflictDoUpdate({ target: [requirements.source, requirements.requirementId], set: { title: sql`excluded.title`, kind: sql`excluded.kind` } });
  }
}
