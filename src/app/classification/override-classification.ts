import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, classifications } from '../../db/schema/index.js';
import { RISK_TIERS, SOURCES, WORK_KINDS } from '../../domain/vocabulary.js';
import { nextReviewDue } from '../../domain/review-cadence.js';
import { newId } from '../../db/ids.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid, notFound } from '../errors.js';

export const OVERRIDABLE = ['tier', 'primarySource', 'workKind', 'cadenceDays'] as const;
export type OverridableOutcome = (typeof OVERRIDABLE)[number];

export const OverrideInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('tier'), value: z.enum(RISK_TIERS) }),
  z.object({ outcome: z.literal('primarySource'), value: z.enum(SOURCES) }),
  z.object({ outcome: z.literal('workKind'), value: z.enum(WORK_KINDS) }),
  z.object({ outcome: z.literal('cadenceDays'), value: z.coerce.number().int().min(1).max(1095) }),
]).and(z.object({ systemId: z.string(), justification: z.string().trim().min(20, 'Give a justification an auditor can follow (at least 20 characters).').max(2000) }));
export type OverrideInput = z.infer<typeof OverrideInput>;

const COLUMN = { tier: 'riskTier', primarySource: 'primarySource', workKind: 'workKind', cadenceDays: 'cadenceDays' } as const;

/** Overriding a classification is the governance forum's: the form opens, and the override is stored, only for its admins. */
export function checkMayOverrideClassification(ctx: ServiceContext): void {
  if (!ctx.actor.isAdmin) throw forbidden('Only governance admins can override a classification.');
}

/**
 * A governance admin overrides one outcome of the computed classification. The computed result stays
 * as it was; the override (who, why, from, to, when) is appended beside it and the system follows it.
 */
export async function overrideClassification({ ctx, input }: { ctx: ServiceContext; input: OverrideInput }): Promise<void> {
  checkMayOverrideClassification(ctx);
  const parsed = OverrideInput.safeParse(input);
  if (!parsed.success) throw invalid('The override is not valid.', Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  const o = parsed.data;
  await withTransaction(ctx, async (tx) => {
    const [system] = await tx.select().from(aiSystems).where(eq(aiSystems.id, o.systemId)).for('update');
    if (!system || !system.currentClassificationId) throw notFound(`System ${o.systemId}`);
    const [cls] = await tx.select().from(classifications).where(eq(classifications.id, system.currentClassificationId));
    const now = ctx.now();
    const from = system[COLUMN[o.outcome]];
    if (from === o.value) throw invalid('That is already the outcome.', { value: 'Choose a different value from the current one.' });
    const entry = { id: newId('cls'), outcome: o.outcome, from, to: o.value, justification: o.justification, by: ctx.actor.userId, at: now.toISOString() };
    await tx.update(classifications).set({ overrides: [...((cls?.overrides as unknown[]) ?? []), entry] }).where(eq(classifications.id, system.currentClassificationId));
    const change: Partial<typeof aiSystems.$inferInsert> = { [COLUMN[o.outcome]]: o.value, updatedAt: now };
    if (o.outcome === 'cadenceDays') change.nextReviewAt = nextReviewDue({ from: now, cadenceDays: o.value });
    await tx.update(aiSystems).set(change).where(eq(aiSystems.id, system.id));
    await recordAudit(tx, ctx, { action: 'classification.overridden', subjectType: 'ai_system', subjectId: system.id, before: { [o.outcome]: from }, after: entry });
    await enqueueEvent(tx, null, { event: { kind: 'classification.override-note.v1', body: { systemId: system.id, overrideId: entry.id } }, key: outboxKeys.overrideNote(entry.id) });
  });
}
