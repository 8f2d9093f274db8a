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
  /** A serious incident's legal reporting deadline in the governance channel. */
  statutory: (deadlineId: string) => card(`statutory:${deadlineId}`),
} as const;

export const outboxKeys = {
  /** The first post of a card: queued once, whatever retries or re-runs follow. */
  post: (key: CardKey) => outbox(`post:${key}`),
  /** One edit of a card, for one change (`changeId` unique per change). */
  update: (key: CardKey, changeId: string) => outbox(`update:${key}:${changeId}`),
  /** A system's announcement post. */
  announce: (systemId: string) => outbox(`announce:${systemId}`),
  /** The governance channel's alert that a prohibited practice was registered. */
  prohibitedAlert: (systemId: string) => outbox(`prohibited:${systemId}`),
  /** The intake channel's one line about an inventory file imported (`fileHash` of its text). */
  inventoryImported: (fileHash: string) => outbox(`import:${fileHash}`),
  /** A thread note: evidence submitted for a claim. */
  evidenceSubmittedNote: (artifactId: string, claimId: string) => outbox(`evidence-note:${artifactId}:${claimId}`),
  /** A thread note: evidence reused for a claim (a claim may reuse one artifact again after it went stale). */
  evidenceReusedNote: (artifactId: string, claimId: string, at: Date) => outbox(`evidence-note:${artifactId}:${claimId}:${at.getTime()}`),
  /** A thread note: evidence confirmed as still valid. */
  evidenceReattestedNote: (attestationId: string) => outbox(`evidence-note:${attestationId}`),
  /** A thread note: an owner cannot provide a claim's evidence. */
  exceptionNote: (exceptionId: string) => outbox(`exception-note:${exceptionId}`),
  /** A thread note: an admin overrode a classification outcome. */
  overrideNote: (overrideId: string) => outbox(`override:${overrideId}`),
  /** A thread note: a request raised about the system. */
  requestNote: (requestId: string) => outbox(`request-note:${requestId}`),
  /** The requester's receipt for a request. */
  requestReceipt: (requestId: string) => outbox(`request-receipt:${requestId}`),
  /** A customer-assurance request forwarded to the system's owner (or the governance channel). */
  assuranceRequest: (requestId: string) => outbox(`assurance:${requestId}`),
  /** A legal deadline's post: the card key is the idempotency key. */
  statutory: (deadlineId: string) => outbox(cardKeys.statutory(deadlineId)),
  /** An owner's one DM about a re-classification under one rules version (`versionHandle`). */
  reclassifiedOwner: (versionHandle: string, ownerId: string) => outbox(`reclassified:${versionHandle}:${ownerId}`),
  /** The governance channel's one summary of a re-classification under one rules version. */
  reclassifiedSummary: (versionHandle: string) => outbox(`reclassified-summary:${versionHandle}`),
  /** The forum's note that a Statement of Applicability version was approved. */
  soaApproved: (number: number) => outbox(`soa-approved:${number}`),
  /** The DM a newly assigned control owner gets, once per owner decision. */
  soaOwner: (decisionId: string) => outbox(`soa-owner:${decisionId}`),
} as const;

/** A key read back from storage (a row, a button value) as the typed key it was built as. */
export const asCardKey = (stored: string): CardKey => card(stored);
export const asOutboxKey = (stored: string): OutboxKey => outbox(stored);
