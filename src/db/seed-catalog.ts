import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { requirements } from './schema/index.js';
import { REQUIREMENTS } from '../domain/catalog/index.js';

/** The catalog ships with the code; each start brings the table up to date with it. */
export async function seedCatalog(db: Db): Promise<void> {
  const rows = REQUIREMENTS.map((r) => ({ source: r.source, requirementId: r.id, title: r.title, kind: r.kind }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insert(requirements).values(rows.slice(i, i + 200))
      .onConflictDoUpdate({ target: [requirements.source, requirements.requirementId], set: { title: sql`excluded.title`, kind: sql`excluded.kind` } });
  }
}
