import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { soaControls, soaDecisions } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { ISO_ANNEX_A_CONTROLS, NIST_SUBCATEGORIES } from '../../domain/catalog/index.js';
import { ruleOutcomeOf } from '../../domain/statement-of-applicability.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { loadSoaState } from './load-soa.js';

export const SOA_ADMINS_ONLY = 'Only governance admins (AIGOV_ADMINS) can decide on the Statement of Applicability.';

/** The Statement of Applicability is the forum's document: its forms open, and its decisions and approvals are stored, only for admins. */
export function checkMayDecideSoa(ctx: ServiceContext): void {
  if (!ctx.actor.isAdmin) throw forbidden(SOA_ADMINS_ONLY);
}

/** Form fields the errors are keyed by (the modal's block ids). */
export const CONTROL_FIELDS = { control: 'control', owner: 'owner', applicability: 'applicability', justification: 'justification' } as const;

export const ApplicabilityChoice = z.enum(['unchanged', 'applicable', 'excluded', 'rules']);
export type ApplicabilityChoice = z.infer<typeof ApplicabilityChoice>;

export const DecideControlInput = z.object({
  framework: z.enum(['iso-42001', 'nist-ai-rmf']),
  controlId: z.string(),
  /** A new owner; absent: the owner stays. */
  ownerId: z.string().optional(),
  applicability: ApplicabilityChoice.default('unchanged'),
  justification: z.string().default(''),
});
export type DecideControlInput = z.input<typeof DecideControlInput>;

const ISO_IDS = new Set(ISO_ANNEX_A_CONTROLS.map((c) => c.id));
const NIST_IDS = new Set(NIST_SUBCATEGORIES.map((s) => s.id));
const MAX_JUSTIFICATION = 2000;

export type DecideControlResult = { recorded: string[] };

/**
 * An admin's word on one control: its owner, and for Annex A controls whether it applies. Each part is its
 * own decision record with an audit event, and the rule's outcome is kept beside an applicability decision.
 */
export async function decideControl({ ctx, input: raw }: { ctx: ServiceContext; input: DecideControlInput }): Promise<DecideControlResult> {
  checkMayDecideSoa(ctx);
  const input = DecideControlInput.parse(raw);
  const justification = input.justification.trim();
  const problems: Record<string, string> = {};
  const known = input.framework === 'iso-42001' ? ISO_IDS : NIST_IDS;
  if (!known.has(input.controlId)) problems[CONTROL_FIELDS.control] = input.framework === 'iso-42001' ? 'Choose an ISO/IEC 42001 Annex A control.' : 'Choose a NIST AI RMF subcategory.';
  if (input.ownerId !== undefined && !SlackUserId.safeParse(input.ownerId).success) problems[CONTROL_FIELDS.owner] = 'Choose the person who owns this control.';
  if (input.framework === 'nist-ai-rmf' && input.applicability !== 'unchanged') problems[CONTROL_FIELDS.applicability] = 'Applicability is decided for ISO/IEC 42001 Annex A controls; NIST AI RMF outcomes only get an owner.';
  if (input.applicability === 'excluded' && !justification) problems[CONTROL_FIELDS.justification] = 'An exclusion needs a justification: say why this control does not apply to the organisation.';
  if (justification.length > MAX_JUSTIFICATION) problems[CONTROL_FIELDS.justification] = `Keep the justification under ${MAX_JUSTIFICATION} characters.`;
  if (input.ownerId === undefined && input.applicability === 'unchanged') problems[CONTROL_FIELDS.owner] = 'Choose an owner or decide on applicability: nothing would change.';
  if (Object.keys(problems).length) throw invalid('The decision needs correcting.', problems);

  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const key = { framework: input.framework, controlId: input.controlId };
    // One decision on a control at a time: the row lock orders two admins deciding at once.
    await tx.insert(soaControls).values({ ...key, updatedAt: now }).onConflictDoNothing();
    const where = and(eq(soaControls.framework, key.framework), eq(soaControls.controlId, key.controlId));
    const [current] = await tx.select().from(soaControls).where(where).for('update');
    const recorded: string[] = [];
    const subjectId = `${input.framework}:${input.controlId}`;
    const set = (values: Partial<typeof soaControls.$inferInsert>) => tx.update(soaControls).set({ ...values, updatedAt: now }).where(where);

    if (input.ownerId !== undefined && input.ownerId !== current?.ownerId) {
      const id = newId('sad');
      await tx.insert(soaDecisions).values({ id, ...key, kind: 'owner', ownerId: input.ownerId, decidedBy: ctx.actor.userId, decidedAt: now });
      await set({ ownerId: input.ownerId });
      await recordAudit(tx, ctx, { action: 'soa.owner_assigned', subjectType: 'soa_control', subjectId, before: { ownerId: current?.ownerId ?? null }, after: { decisionId: id, ownerId: input.ownerId } });
      // Tells the new owner, by DM, what they own and what evidence is still missing for it: once per decision.
      await enqueueEvent(tx, null, { event: { kind: 'soa.owner-notice.v1', body: { decisionId: id } }, key: outboxKeys.soaOwner(id) });
      recorded.push(id);
    }

    if (input.applicability !== 'unchanged') {
      const state = await loadSoaState(tx, { asOf: now, sampleSize: 0 });
      const rule = state.lines.find((l) => l.controlId === input.controlId)!.rule;
      const decision = input.applicability === 'rules' ? null : input.applicability;
      const text = decision === null ? null : justification || 'Applicable by decision of the organisation.';
      if (decision !== (current?.decision ?? null) || text !== (current?.justification ?? null)) {
        const id = newId('sad');
        const ruleOutcome = ruleOutcomeOf(rule);
        await tx.insert(soaDecisions).values({
          id, ...key, kind: 'applicability', decision: decision ?? 'rules', justification: text, ruleOutcome, ruleJustification: rule.justification, decidedBy: ctx.actor.userId, decidedAt: now,
        });
        await set({ decision, justification: text, ruleOutcome: decision ? ruleOutcome : null, decisionId: id, decidedBy: ctx.actor.userId, decidedAt: now });
        await recordAudit(tx, ctx, {
          action: 'soa.applicability_decided', subjectType: 'soa_control', subjectId,
          before: { decision: current?.decision ?? null, justification: current?.justification ?? null },
          after: { decisionId: id, decision: decision ?? 'rules', justification: text, ruleOutcome, ruleJustification: rule.justification },
        });
        recorded.push(id);
      }
    }
    if (!recorded.length) {
      throw invalid('Nothing changed: that is already the standing decision.', input.applicability === 'unchanged'
        ? { [CONTROL_FIELDS.owner]: 'That person already owns this control; nothing was changed.' }
        : { [CONTROL_FIELDS.applicability]: 'That is already the standing decision; nothing was changed.' });
    }
    return { recorded };
  });
}
