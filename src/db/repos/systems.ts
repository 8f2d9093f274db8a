import { and, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems } from '../schema/index.js';

export type SystemRow = typeof aiSystems.$inferSelect;

export async function findSystemByName(db: DbOrTx, name: string): Promise<SystemRow | undefined> {
  const [row] = await db.select().from(aiSystems).where(sql`lower(${aiSystems.name}) = lower(${name})`);
  return row;
}

export async function findSystemById(db: DbOrTx, id: string): Promise<SystemRow | undefined> {
  const [row] = await db.select().from(aiSystems).where(eq(aiSystems.id, id));
  return row;
}

/** By id, or else by exact (case-insensitive) name: what `/aigov status` and the dossier accept. */
export async function findSystemByIdOrName(db: DbOrTx, ref: string): Promise<SystemRow | undefined> {
  return (await findSystemById(db, ref.trim())) ?? findSystemByName(db, ref.trim());
}

/** Systems a reviewer might confuse with a new one: a name containing the other, or the same supplier. */
export async function findLikelyDuplicates(db: DbOrTx, args: { name: string; supplier: string | null; excludeId?: string }) {
  const pattern = `%${args.name.replace(/[%_\\]/g, (c) => `\\${c}`).slice(0, 60)}%`;
  const conditions = [ilike(aiSystems.name, pattern), sql`position(lower(${aiSystems.name}) in lower(${args.name})) > 0`];
  if (args.supplier) conditions.push(sql`lower(${aiSystems.supplier}) = lower(${args.supplier})`);
  return db.select({ id: aiSystems.id, name: aiSystems.name, supplier: aiSystems.supplier, purpose: aiSystems.purpose })
    .from(aiSystems)
    .where(and(or(...conditions), args.excludeId ? ne(aiSystems.id, args.excludeId) : undefined))
    .limit(5);
}
