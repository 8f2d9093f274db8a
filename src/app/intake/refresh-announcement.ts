import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { outboxMessages } from '../../db/schema/index.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { INTAKE_EVENTS } from './events.js';

/**
 * Draws a system's announcement card again from its record (e.g. once its canvas exists, so the card
 * links it). The requester's note lives only in the announcement's own event, so the redraw carries it
 * over. A system never announced (a bulk import) has no card: nothing is queued.
 */
export async function refreshAnnouncement(tx: DbOrTx, systemId: string): Promise<boolean> {
  const [first] = await tx.select({ payload: outboxMessages.payload }).from(outboxMessages).where(eq(outboxMessages.idempotencyKey, outboxKeys.announce(systemId)));
  if (!first) return false;
  const body = INTAKE_EVENTS['intake.announcement.v1'].parse(first.payload);
  const card = cardKeys.announcement(systemId);
  return enqueueEvent(tx, null, { event: { kind: 'intake.announcement.v1', body }, key: outboxKeys.update(card, newId('obx')), card });
}
