import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { outboxMessages } from '../../db/schema/index.js';
import { cardKeys, outboxKeys, type CardKey } from '../../domain/message-keys.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ systemId: z.string().min(1) });

/**
 * Where a note about a system goes: the thread of its announcement in the intake channel, so its record
 * reads as one conversation. A system that was never announced (a bulk import) has no thread (null): the
 * note goes in the channel itself, rather than waiting for a parent that will never be posted.
 */
export async function loadSystemThread({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<CardKey | null> {
  const { systemId } = Input.parse(input);
  const [announced] = await ctx.db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.idempotencyKey, outboxKeys.announce(systemId)));
  return announced ? cardKeys.announcement(systemId) : null;
}
