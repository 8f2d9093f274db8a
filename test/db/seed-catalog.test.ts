import { describe, expect, it, test } from '../support/fixtures.js';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { requirements } from '../../src/db/schema/index.js';
import { seedCatalog } from '../../src/db/seed-catalog.js';
import { REQUIREMENTS } from '../../src/domain/catalog/index.js';

describe('the catalog table at start-up', () => {
  let database: Database;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  it('writes only the rows that are missing or differ from the catalog the code ships', async () => {
    const [first, second] = REQUIREMENTS;
    await database.db.update(requirements).set({ title: 'An old title' }).where(and(eq(requirements.source, first!.source), eq(requirements.requirementId, first!.id)));
    await database.db.delete(requirements).where(and(eq(requirements.source, second!.source), eq(requirements.requirementId, second!.id)));
    const rowVersion = async (source: string, id: string) => {
      const result = await database.db.execute(sql`select xmin::text as v from requirements where source = ${source} and requirement_id = ${id}`);
      const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { v: string }[];
      return rows[0]?.v;
    };
    const untouched = REQUIREMENTS.at(-1)!;
    const before = await rowVersion(untouched.source, untouched.id);

    await seedCatalog(database.db);

    const all = await database.db.select().from(requirements);
    expect(all).toHaveLength(REQUIREMENTS.length);
    expect(all.find((r) => r.source === first!.source && r.requirementId === first!.id)?.title).toBe(first!.title);
    expect(all.some((r) => r.source === second!.source && r.requirementId === second!.id)).toBe(true);
    // A row already as shipped is not rewritten (its row version stays).
    expect(await rowVersion(untouched.source, untouched.id)).toBe(before);
  });
});
