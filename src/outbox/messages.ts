import { z } from 'zod';

// Block Kit is validated by Slack; here we only check the envelope. Versioned kinds let a new
// release change a payload while rows written by the old one are still delivered.
// Any: Slack's block interfaces carry no index signature, and rows of every release must still parse.
const Block = z.custom<{ type: string; [field: string]: any }>((v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string', 'a Block Kit block');
const Blocks = z.array(Block).max(50);

export const PostMessage = z.object({
  kind: z.literal('slack.post.v1'),
  /** Channel id, or a user id for a DM (Slack opens the IM). */
  channel: z.string().min(1),
  text: z.string().min(1),
  blocks: Blocks.optional(),
  /** Post in the thread of a message stored under this key (it must have been delivered first). */
  threadKey: z.string().optional(),
  /** Store the resulting channel and ts under this key so later updates can edit it in place. */
  storeAs: z.string().optional(),
});

export const UpdateMessage = z.object({
  kind: z.literal('slack.update.v1'),
  /** The key a PostMessage stored; delivery waits until that message exists. */
  key: z.string().min(1),
  text: z.string().min(1),
  blocks: Blocks.optional(),
});

export const OutboxMessage = z.discriminatedUnion('kind', [PostMessage, UpdateMessage]);
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export type PostMessage = z.infer<typeof PostMessage>;
export type UpdateMessage = z.infer<typeof UpdateMessage>;
