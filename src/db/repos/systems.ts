import { and, asc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems } from '../schema/index.js';
import { SystemFacts } from '../../domain/system-facts.js';

export type SystemRow = typeof aiSystems.$inferSelect;

export async function findSystemByName(db: DbOrTx, name: string): Promise<SystemRow | undefined> {
  const [row] = await db.select().from(aiSystems).where(sql`lower(${aiSystems.name}) = lower(${name})`);
  return row;
}

export async function findSystemById(db: DbOrTx, id: string): Promise<SystemRow | undefined> {
  const [row] = await db.select().from(aiSystems).where(eq(aiSystems.id, id));
  return row;
}

/** Systems whose name contains `typed` (no wildcards of its own), by name. */
export function findSystemsNamedLike(db: DbOrTx, typed: string, limit: number): Promise<{ id: string; name: string }[]> {
  const pattern = `%${typed.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db.select({ id: aiSystems.id, name: aiSystems.name }).from(aiSystems).where(ilike(aiSystems.name, pattern)).orderBy(asc(aiSystems.name)).limit(limit);
}

/** By id, or else by exact (case-insensitive) name: what `/aigov status` and the dossier accept. */
export async function findSystemByIdOrName(db: DbOrTx, ref: string): Promise<SystemRow | undefined> {
  return (await findSystemById(db, ref.trim())) ?? findSystemByName(db, ref.trim());
}

/**
 * Systems a reviewer might confuse with a new one: a name starting with the same word, or the same
 * supplier. Both conditions are served by an index (`ai_systems_name_prefix`, `ai_systems_by_supplier`),
 * so the check stays cheap on every intake however large the inventory grows.
 */
export async function findLikelyDuplicates(db: DbOrTx, args: { name: string; supplier: string | null; excludeId?: string }) {
  const firstWord = args.name.trim().toLowerCase().split(/\s+/)[0] ?? '';
  const prefix = `${firstWord.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const conditions = [sql`lower(${aiSystems.name}) like ${prefix}`];
  if (args.supplier) conditions.push(sql`lower(${aiSystems.supplier}) = lower(${args.supplier})`);
  return db.select({ id: aiSystems.id, name: aiSystems.name, supplier: aiSystems.supplier, purpose: aiSystems.purpose })
    .from(aiSystems)
    .where(and(or(...conditions), args.excludeId ? ne(aiSystems.id, args.excludeId) : undefined))
    // The exact name (if taken) comes first, so one query answers both "taken?" and "similar?".
    .orderBy(sql`lower(${aiSystems.name}) = lower(${args.name}) desc`, aiSystems.name)
    .limit(6);
}

/** The facts as registered: the columns (which later changes update) over the stored facts (which hold what the columns do not). */
export function factsOf(system: SystemRow) {
  const columns = {
    name: system.name, purpose: system.purpose, owner: system.ownerId, lifecycleStage: system.lifecycleStage, operatorRole: system.operatorRole,
    euNexus: system.euNexus, dataCategories: system.dataCategories, prohibitedPractice: system.prohibitedPractice, annexIProduct: system.annexIProduct,
    annexIIIPoint: system.annexIIIPoint, art63Condition: system.art63Condition, profiling: system.profiling, transparency: system.transparency,
    supplier: system.supplier, humanOversight: system.humanOversight, monitoringSignal: system.monitoringSignal, trigger: system.trigger,
  };
  const stored = typeof system.facts === 'object' && system.facts !== null ? system.facts as Record<string, unknown> : {};
  return SystemFacts.safeParse({ ...stored, ...columns });
}
