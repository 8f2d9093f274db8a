import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { rowsOf } from '../../db/rows.js';
import { aiSystems } from '../../db/schema/index.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvents, type QueuedEvent } from '../events/enqueue-event.js';

// Canvases are drawn at delivery from the records' state, so a refresh names only which canvas to draw.
// Each carries the canvas as its card: a burst of changes coalesces into one pending row per canvas, and
// the dispatcher draws it once, from the state after the last change.

/** The one setting read here (Policy.canvases), typed locally so the transaction helper can call this without an import cycle. */
type CanvasPolicy = { readonly canvases?: boolean | undefined };

const governanceRefresh = (): QueuedEvent => ({
  event: { kind: 'canvas.governance.v1', body: {} },
  key: outboxKeys.canvasRefresh(cardKeys.governanceCanvas(), newId('obx')),
  card: cardKeys.governanceCanvas(),
});

const systemRefresh = (systemId: string): QueuedEvent => ({
  event: { kind: 'canvas.system.v1', body: { systemId } },
  key: outboxKeys.canvasRefresh(cardKeys.systemCanvas(systemId), newId('obx')),
  card: cardKeys.systemCanvas(systemId),
});

/** The governance canvas, redrawn as of `asOf` (after a sweep or digest: time alone makes things overdue). */
export async function queueGovernanceCanvas(tx: DbOrTx, policy: CanvasPolicy, asOf: Date): Promise<void> {
  if (!policy.canvases) return;
  await enqueueEvents(tx, asOf, [governanceRefresh()]);
}

/** Every canvas: when the workspace lets aigov use canvases again, each is brought up to date. */
export async function queueAllCanvases(tx: DbOrTx, asOf: Date): Promise<number> {
  const systems = await tx.select({ id: aiSystems.id }).from(aiSystems);
  await enqueueEvents(tx, asOf, [governanceRefresh(), ...systems.map((s) => systemRefresh(s.id))]);
  return systems.length + 1;
}

/**
 * Called by withTransaction before it commits: every state change writes an audit event, so the events
 * this transaction wrote (`created_at = now()`, PostgreSQL's transaction time) say which systems changed.
 * Their canvases and the governance canvas are queued in the same transaction. A transaction that
 * recorded nothing (a read, an export) queues nothing.
 */
export async function queueCanvasesForChanges(tx: DbOrTx, policy: CanvasPolicy, asOf: Date): Promise<void> {
  if (!policy.canvases) return;
  const rows = rowsOf<{ system_id: string | null }>(await tx.execute(sql`
    with touched as (select subject_type, subject_id from audit_events where created_at = now() and subject_type <> 'export')
    select s.system_id from (
      select subject_id as system_id from touched where subject_type = 'ai_system'
      union select c.system_id from touched t join evidence_claims c on c.id = t.subject_id where t.subject_type = 'evidence_claim'
      union select r.system_id from touched t join reviews r on r.id = t.subject_id where t.subject_type = 'review'
      union select e.system_id from touched t join exceptions e on e.id = t.subject_id where t.subject_type = 'exception'
      union select d.system_id from touched t join decisions d on d.id = t.subject_id where t.subject_type = 'decision'
      union select l.system_id from touched t join law_exemption_claims l on l.id = t.subject_id where t.subject_type = 'law_exemption_claim'
      union select q.system_id from touched t join intake_requests q on q.id = t.subject_id where t.subject_type = 'intake_request'
    ) s join ai_systems a on a.id = s.system_id
    union all select null where exists (select 1 from touched)`));
  if (!rows.length) return;
  const systemIds = [...new Set(rows.flatMap((r) => (r.system_id ? [r.system_id] : [])))];
  await enqueueEvents(tx, asOf, [...systemIds.map(systemRefresh), governanceRefresh()]);
}
