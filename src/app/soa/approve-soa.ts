import { sql } from 'drizzle-orm';
import { soaVersions } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { documentContent, type OpenDecision } from '../../domain/statement-of-applicability.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden } from '../errors.js';
import { loadSoaState } from './load-soa.js';
import { checkMayDecideSoa } from './decide-control.js';

export type ApproveSoaResult =
  | { status: 'approved'; number: number; versionId: string; approvedAt: Date; changes: string[] | null }
  /** Nothing changed since the latest approved version: it stays the current one. */
  | { status: 'unchanged'; number: number; approvedBy: string; approvedAt: Date };

/** Approval is refused while required decisions are open; the error carries them so the user sees the list. */
export class OpenDecisionsError extends AppError {
  constructor(readonly open: OpenDecision[]) {
    super('VALIDATION', `The Statement of Applicability cannot be approved yet: ${open.length} required decision${open.length === 1 ? ' is' : 's are'} open.\n${open.map((o) => `• ${o.what}`).join('\n')}`);
  }
}

/** Freezes the current Statement of Applicability as the next numbered version, with approver and date. */
export async function approveSoa({ ctx }: { ctx: ServiceContext }): Promise<ApproveSoaResult> {
  checkMayDecideSoa(ctx);
  return withTransaction(ctx, async (tx) => {
    // Two admins approving at once get versions N and N+1, or one "unchanged": never two version Ns.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('aigov.soa_versions'))`);
    const now = ctx.now();
    const state = await loadSoaState(tx, { asOf: now, sampleSize: 0 });
    if (state.openDecisions.length) throw new OpenDecisionsError(state.openDecisions);
    if (state.latest && state.changes && !state.changes.length) {
      return { status: 'unchanged', number: state.latest.number, approvedBy: state.latest.approvedBy, approvedAt: state.latest.approvedAt };
    }
    const number = (state.latest?.number ?? 0) + 1;
    const id = newId('soa');
    const content = documentContent(state.lines, state.scope!);
    await tx.insert(soaVersions).values({ id, number, approvedBy: ctx.actor.userId, approvedAt: now, scopeId: state.scope!.id, content });
    await recordAudit(tx, ctx, { action: 'soa.approved', subjectType: 'soa_version', subjectId: id, before: state.latest ? { number: state.latest.number } : null, after: { number, scopeId: state.scope!.id, changes: state.changes } });
    // The forum hears of each approved version, once.
    await enqueueEvent(tx, null, { event: { kind: 'soa.approved.v1', body: { versionId: id, changes: state.changes?.length ?? null } }, key: outboxKeys.soaApproved(number) });
    return { status: 'approved', number, versionId: id, approvedAt: now, changes: state.changes };
  });
}
