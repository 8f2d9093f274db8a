// What the dispatcher asks of the layer that turns a queued event into a Slack message. The event names
// a record; the message is built at delivery from the record's state, so a queued row stays small and a
// wording change needs no migration of queued rows.

export interface RenderRequest {
  kind: string;
  payload: unknown;
  /** The time of the change that queued the event. */
  asOf: Date;
  /** The card the row posts or edits, if it is one. */
  cardKey: string | null;
  /** The card is already in Slack: the message will edit it rather than post a new one. */
  existing: boolean;
}

/** Slack's message metadata: lets a message and its record find each other without parsing text. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

export interface RenderedMessage {
  /** Where a new message goes: a channel id, or a user id for a DM. Not needed to edit an existing card. */
  channel?: string;
  text: string;
  blocks?: unknown[];
  /** Post in the thread of this card (it must have been delivered first). */
  threadKey?: string;
  metadata?: MessageMetadata;
}

/** A message to send, or why nothing is sent (the record is gone, or there is nothing to say). */
export type Rendered = { message: RenderedMessage } | { skip: string };

export interface EventRenderer {
  /** True when this kind is an event this renderer builds (rows of older releases carry finished messages). */
  renders(kind: string): boolean;
  render(request: RenderRequest): Promise<Rendered>;
}
