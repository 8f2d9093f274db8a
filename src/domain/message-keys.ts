// Every key the outbox, Slack message store and escalation cards use, built in one place. The strings
// are stored (slack_messages.key, outbox_messages.card_key and idempotency_key), so a constructor's
// output must never change for an existing key: rows written by earlier releases still find their cards.

declare const brand: unique symbol;
/** The Slack message (or canvas) one record keeps current: posted once, then edited in place. */
export type CardKey = string & { readonly [brand]: 'CardKey' };
/** An outbox row's idempotency key: the same key twice stores one row. */
export type OutboxKey = string & { readonly [brand]: 'OutboxKey' };

const card = (s: string) => s as CardKey;
const outbox = (s: string) => s as OutboxKey;

export const cardKeys = {
  /** An owner's evidence card for one system, in their DM. */
  evidence: (systemId: string, ownerId: string) => card(`evidence-card:${systemId}:${ownerId}`),
  /** A system's announcement in the intake channel: its thread holds the record's later notes. */
  announcement: (systemId: string) => card(`announcement:${systemId}`),
  /** The governance channel's canvas: the live register. */
  governanceCanvas: () => card('canvas:governance'),
  /** One AI system's canvas: its dossier. */
  systemCanvas: (systemId: string) => card(`canvas:system:${systemId}`),
} as const;

/** A card that is a canvas (drawn as sections of markdown), not a message. */
export const isCanvasKey = (key: string | null | undefined): boolean => Boolean(key?.startsWith('canvas:'));

export const outboxKeys = {
  /** The first post of a card: queued once, whatever retries or re-runs follow. */
  post: (key: CardKey) => outbox(`post:${key}`),
  /** One edit of a card, for one change (`changeId` unique per change). */
  update: (key: CardKey, changeId: string) => outbox(`update:${key}:${changeId}`),
  /** A system's announcement post. */
  announce: (systemId: string) => outbox(`announce:${systemId}`),
  /** One refresh of a canvas, for one change (`changeId` unique per change). */
  canvasRefresh: (key: CardKey, changeId: string) => outbox(`refresh:${key}:${changeId}`),
} as const;

/** A key read back from storage (a row, a button value) as the typed key it was built as. */
export const asCardKey = (stored: string): CardKey => card(stored);
export const asOutboxKey = (stored: string): OutboxKey => outbox(stored);
