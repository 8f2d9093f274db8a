import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, evidenceClaims, outboxMessages } from '../../db/schema/index.js';
import { enqueue } from '../../outbox/enqueue.js';
import { buildEvidenceCard } from '../../slack/views/evidence-card.js';
import { newId } from '../../db/ids.js';

export const evidenceCardKey = (systemId: string, ownerId: string) => `evidence-card:${systemId}:${ownerId}`;

/**
 * Posts the owner's evidence card for a system the first time, and edits it in place after that, so
 * an owner sees one message per system that always shows the current state.
 */
export async function refreshEvidenceCard(tx: DbOrTx, args: { systemId: string; ownerId: string; notes?: string[] }): Promise<void> {
  const [system] = await tx.select({ name: aiSystems.name }).from(aiSystems).where(eq(aiSystems.id, args.systemId));
  if (!system) return;
  const claims = await tx.select().from(evidenceClaims)
    .where(and(eq(evidenceClaims.systemId, args.systemId), eq(evidenceClaims.ownerId, args.ownerId)))
    .orderBy(asc(evidenceClaims.dueAt), asc(evidenceClaims.source), asc(evidenceClaims.requirementId));
  const card = buildEvidenceCard({ systemId: args.systemId, systemName: system.name, ownerId: args.ownerId, claims, ...(args.notes ? { notes: args.notes } : {}) });
  const key = evidenceCardKey(args.systemId, args.ownerId);
  if (!claims.length) {
    // Nothing owed and never told: say nothing. Told before (all reassigned away): edit that card.
    const [told] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:${key}`));
    if (told) await enqueue(tx, { kind: 'slack.update.v1', key, text: card.text, blocks: card.blocks }, { idempotencyKey: `update:${key}:${newId('obx')}` });
    return;
  }
  const posted = await enqueue(tx, { kind: 'slack.post.v1', channel: args.ownerId, text: card.text, blocks: card.blocks, storeAs: key }, { idempotencyKey: `post:${key}` });
  if (!posted) {
    await enqueue(tx, { kind: 'slack.update.v1', key, text: card.text, blocks: card.blocks }, { idempotencyKey: `update:${key}:${newId('obx')}` });
  }
}
