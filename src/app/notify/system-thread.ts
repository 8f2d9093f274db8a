import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { Block } from '../../slack/views/blocks.js';
import type { ServiceContext } from '../context.js';

export const announcementKey = (systemId: string) => `announcement:${systemId}`;

/**
 * A note in the system's announcement thread in the intake channel, so its record reads as one
 * conversation. A system that was never announced (a bulk import) has no thread: the note goes in the
 * channel itself, rather than waiting for a parent that will never be posted.
 */
export async function noteInSystemThread(tx: DbOrTx, ctx: ServiceContext, args: { systemId: string; text: string; blocks?: Block[]; idempotencyKey: string }): Promise<void> {
  const [announced] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `announce:${args.systemId}`));
  await enqueue(tx, {
    kind: 'slack.post.v1', channel: ctx.policy.intakeChannel, text: args.text,
    ...(args.blocks ? { blocks: args.blocks } : {}),
    ...(announced ? { threadKey: announcementKey(args.systemId) } : {}),
  }, { idempotencyKey: args.idempotencyKey });
}
