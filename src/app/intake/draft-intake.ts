import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { classifyIntake, type Classification } from '../../domain/classify-intake.js';
import { SystemFacts } from '../../domain/system-facts.js';
import { intakeDrafts } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { findLikelyDuplicates } from '../../db/repos/systems.js';
import type { ServiceContext } from '../context.js';
import { invalid, notFound, forbidden, parseInput } from '../errors.js';

export interface IntakeDraft {
  draftId: string;
  facts: SystemFacts;
  classification: Classification;
  duplicates: { id: string; name: string; why: string }[];
}

export const DRAFT_LIFETIME_MS = 24 * 3600_000;

const DraftIntakeInput = z.object({
  facts: SystemFacts,
});
export type DraftIntakeInput = z.input<typeof DraftIntakeInput>;

/**
 * The details step: refuse a taken name, classify, and keep the facts as a draft for the review step.
 * Nothing is registered here.
 */
export async function draftIntake({ ctx, input }: { ctx: ServiceContext; input: DraftIntakeInput }): Promise<IntakeDraft> {
  const { facts } = parseInput(DraftIntakeInput, input);
  const matches = await findLikelyDuplicates(ctx.db, { name: facts.name, supplier: facts.supplier });
  const taken = matches.find((s) => s.name.toLowerCase() === facts.name.toLowerCase());
  if (taken) throw invalid('That name is taken.', { name: `A system named "${taken.name}" is already registered (${taken.id}). Choose another name, or report a change to it instead.` });
  const classification = classifyIntake(facts, ctx.policy.classification);
  const duplicates = matches.slice(0, 5).map((s) => ({
    id: s.id, name: s.name,
    why: facts.supplier && s.supplier?.toLowerCase() === facts.supplier.toLowerCase() ? `same supplier (${s.supplier})` : 'similar name',
  }));
  const draftId = newId('drf');
  const now = ctx.now();
  await ctx.db.insert(intakeDrafts).values({ id: draftId, requesterId: ctx.actor.userId, kind: 'ai_system', facts, createdAt: now });
  return { draftId, facts, classification, duplicates };
}

const LoadDraftInput = z.object({ draftId: z.string().min(1) });

/** The answers of a draft, for the one who started it. */
export async function loadDraft({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof LoadDraftInput> }): Promise<SystemFacts> {
  const { draftId } = parseInput(LoadDraftInput, input);
  const [draft] = await ctx.db.select().from(intakeDrafts).where(eq(intakeDrafts.id, draftId));
  if (!draft) throw notFound('This form has expired; start again with /aigov new. Your draft');
  if (draft.requesterId !== ctx.actor.userId) throw forbidden('This draft belongs to someone else.');
  return SystemFacts.parse(draft.facts);
}
