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
  /** The workspace's address (`https://<team>.slack.com/`), for links to messages; known at delivery. */
  workspaceUrl?: string;
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

/** One section of a canvas: its `##` heading (unique in the canvas, how the section is found again) and body. */
export interface CanvasSection {
  heading: string;
  markdown: string;
}

export interface RenderedCanvas {
  title: string;
  /** A channel's own canvas (conversations.canvases.create), or a standalone one shared as below. */
  placement: { kind: 'channel'; channel: string } | { kind: 'standalone' };
  /** Who may read a standalone canvas: canvases.access.set takes users or channels, not both, up to 20 each. */
  shareWith?: { users: string[]; channels: string[] };
  sections: CanvasSection[];
}

/** A message to send, a canvas to draw, or why nothing is sent (the record is gone, or there is nothing to say). */
export type Rendered = { message: RenderedMessage } | { canvas: RenderedCanvas } | { skip: string };

export interface EventRenderer {
  /** True when this kind is an event this renderer builds (rows of older releases carry finished messages). */
  renders(kind: string): boolean;
  render(request: RenderRequest): Promise<Rendered>;
}
