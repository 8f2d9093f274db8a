import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { newId } from '../../src/db/ids.js';
import { aiSystems, classifications, evidenceClaims } from '../../src/db/schema/index.js';

/** The version key the previous release stored: a constant rules version and no source versions. */
export const PREVIOUS_RULES_VERSION = 'classify-intake/1';

type Computed = Record<string, unknown> & { requirements: { source: string; requirementId: string; title: string; summary: string; reason: string }[]; reasons: string[] };

/**
 * Makes a system's current classification look as the previous release left it: made under the old
 * version key, no versions recorded, and (when `edit` is given) computed content that differs from
 * what this release computes. Returns the classification id.
 */
export async function ageClassification(db: Db, systemId: string, edit: (computed: Computed) => void | Promise<void> = () => {}): Promise<string> {
  const [system] = await db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
  const [cls] = await db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
  const computed = structuredClone(cls!.computed) as Computed;
  await edit(computed);
  await db.update(classifications).set({ computed, rulesVersion: PREVIOUS_RULES_VERSION, versions: null }).where(eq(classifications.id, cls!.id));
  return cls!.id;
}

/** The previous release recorded neither binding laws nor the dates table's dates: only reasons carried dates. */
export function asPreviousShape(computed: Computed): void {
  for (const field of ['bindingSources', 'statutoryDates', 'colorado']) delete computed[field];
}

/** Drops one requirement from the stored classification and its claim, as if the old rules never asked for it. */
export async function withoutRequirement(db: Db, systemId: string, computed: Computed, index = 0): Promise<{ source: string; requirementId: string }> {
  const [dropped] = computed.requirements.splice(index, 1);
  const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
  const claim = claims.find((c) => c.source === dropped!.source && c.requirementId === dropped!.requirementId)!;
  await db.delete(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
  return { source: dropped!.source, requirementId: dropped!.requirementId };
}

/** Adds a requirement the old rules asked for, with an answered claim, that this release does not. Returns the claim id. */
export async function withOldRequirement(db: Db, systemId: string, ownerId: string, computed: Computed): Promise<string> {
  const requirement = { source: 'eu-ai-act', requirementId: 'Art. 99(9)', title: 'A duty the old rules gave', summary: 'Proof of it.', reason: 'The old rule.' };
  computed.requirements.push(requirement);
  const id = newId('clm');
  const now = new Date();
  await db.insert(evidenceClaims).values({ id, systemId, ...requirement, ownerId, status: 'accepted', dueAt: now, reviewTrigger: 'every 90 days', reusePermission: 'crosswalk_same_conditions',
    artifactId: 'art_kept', requestedAt: now, answeredAt: now, createdAt: now, updatedAt: now });
  return id;
}
