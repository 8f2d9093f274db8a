import type { DbOrTx } from '../../db/client.js';
import { loadOpenClaimsOfControl, type SoaFramework } from '../../db/repos/soa-records.js';
import { ISO_ANNEX_A_CONTROLS, NIST_SUBCATEGORIES } from '../../domain/catalog/index.js';
import { ISO_EVIDENCE, NIST_EVIDENCE } from '../../domain/classification/evidence-summaries.js';
import { enqueue } from '../../outbox/enqueue.js';
import { buildSoaOwnerNotice } from '../../slack/views/soa-owner-notice.js';
import type { ServiceContext } from '../context.js';

const SHOWN = 5;
const ORGANISATION_WIDE = 'The policy, procedure or record that shows this control operates across the AI management system, with its date and approver.';

/** Tells a newly assigned control owner, by DM, what they own and what evidence is still missing for it. Once per decision. */
export async function notifySoaOwner(tx: DbOrTx, ctx: ServiceContext, args: { decisionId: string; framework: SoaFramework; controlId: string; ownerId: string }): Promise<void> {
  const iso = args.framework === 'iso-42001';
  const title = iso ? ISO_ANNEX_A_CONTROLS.find((c) => c.id === args.controlId)?.title : NIST_SUBCATEGORIES.find((s) => s.id === args.controlId)?.text;
  const summaries: Record<string, string> = iso ? ISO_EVIDENCE : NIST_EVIDENCE;
  const open = await loadOpenClaimsOfControl(tx, { source: args.framework, requirementId: args.controlId, limit: SHOWN });
  const message = buildSoaOwnerNotice({
    ownerId: args.ownerId, assignedBy: ctx.actor.userId, framework: args.framework, controlId: args.controlId, title: title ?? '',
    evidence: summaries[args.controlId] ?? ORGANISATION_WIDE, open, timeZone: ctx.policy.timeZone,
  });
  await enqueue(tx, { kind: 'slack.post.v1', channel: args.ownerId, ...message }, { idempotencyKey: `soa-owner:${args.decisionId}` });
}
