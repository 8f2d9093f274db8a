import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { soaDecisions } from '../../db/schema/index.js';
import { loadOpenClaimsOfControl, type SoaFramework } from '../../db/repos/soa-records.js';
import { ISO_ANNEX_A_CONTROLS, NIST_SUBCATEGORIES } from '../../domain/catalog/index.js';
import { ISO_EVIDENCE, NIST_EVIDENCE } from '../../domain/classification/evidence-summaries.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ decisionId: z.string().min(1) });

const SHOWN = 5;
const ORGANISATION_WIDE = 'The policy, procedure or record that shows this control operates across the AI management system, with its date and approver.';

export interface SoaOwnerNoticeModel {
  ownerId: string;
  assignedBy: string;
  framework: SoaFramework;
  controlId: string;
  title: string;
  /** What artifact shows the control operates. */
  evidence: string;
  open: { total: number; claims: { systemName: string; status: string; dueAt: Date }[] };
  timeZone: string;
}

/** What a newly assigned control owner is told: the control, its evidence, and what is still missing across the systems; null when the decision is gone. */
export async function loadSoaOwnerNotice({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<SoaOwnerNoticeModel | null> {
  const { decisionId } = Input.parse(input);
  const [decision] = await ctx.db.select().from(soaDecisions).where(eq(soaDecisions.id, decisionId));
  if (!decision?.ownerId) return null;
  const framework = decision.framework as SoaFramework;
  const iso = framework === 'iso-42001';
  const title = iso ? ISO_ANNEX_A_CONTROLS.find((c) => c.id === decision.controlId)?.title : NIST_SUBCATEGORIES.find((s) => s.id === decision.controlId)?.text;
  const summaries: Record<string, string> = iso ? ISO_EVIDENCE : NIST_EVIDENCE;
  const open = await loadOpenClaimsOfControl(ctx.db, { source: framework, requirementId: decision.controlId, limit: SHOWN });
  return {
    ownerId: decision.ownerId, assignedBy: decision.decidedBy, framework, controlId: decision.controlId, title: title ?? '',
    evidence: summaries[decision.controlId] ?? ORGANISATION_WIDE, open, timeZone: ctx.policy.timeZone,
  };
}
