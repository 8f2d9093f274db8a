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

/**
 * Keys that SQL must also build per row (an anti-join on what was already queued), as literal text and
 * the values between: the TypeScript constructors below join the same parts, so the spelling lives here
 * only. `keySql` in src/db/key-sql.ts turns the parts into a SQL concatenation.
 */
export const keyParts = {
  review: <V>(reviewId: V, recipientId: V): (string | V)[] => ['review:', reviewId, ':', recipientId],
  post: <V>(cardKey: (string | V)[]): (string | V)[] => ['post:', ...cardKey],
} as const;

export const cardKeys = {
  /** An owner's evidence card for one system, in their DM. */
  evidence: (systemId: string, ownerId: string) => card(`evidence-card:${systemId}:${ownerId}`),
  /** A system's announcement in the intake channel: its thread holds the record's later notes. */
  announcement: (systemId: string) => card(`announcement:${systemId}`),
  /** An escalation post in the governance channel: unique because each (item, level, cycle) escalates once and an item is first on one card only. */
  escalation: (first: { kind: string; id: string }, level: number, cycleKey: string) => card(`escalation:${first.kind}:${first.id}:L${level}:${cycleKey}`),
  /** A review card in the DM of the person asked: a reassigned review gets a fresh card for its new reviewer. */
  review: (reviewId: string, recipientId: string) => card(keyParts.review(reviewId, recipientId).join('')),
  /** An exception's card in the governance channel. */
  exception: (exceptionId: string) => card(`exception:${exceptionId}`),
  /** A decision's card in the governance channel. */
  decision: (decisionId: string) => card(`decision:${decisionId}`),
  /** One risk-expiry notice per acceptance period and person: an extension starts a new period and a new notice. */
  riskNotice: (exceptionId: string, acceptedUntil: Date, userId: string) => card(`risk-notice:${exceptionId}:${acceptedUntil.toISOString()}:${userId}`),
  /** The Still valid offer to an owner for one system's evidence ending on one date. */
  stillValidOffer: (systemId: string, ownerId: string, periodTo: string) => card(`still-valid-offer:${systemId}:${ownerId}:${periodTo}`),
  /** A serious incident's legal reporting deadline in the governance channel. */
  statutory: (deadlineId: string) => card(`statutory:${deadlineId}`),
  /** The governance channel's canvas: the live register. */
  governanceCanvas: () => card('canvas:governance'),
  /** One AI system's canvas: its dossier. */
  systemCanvas: (systemId: string) => card(`canvas:system:${systemId}`),
} as const;

/** A card that is a canvas (drawn as sections of markdown), not a message. */
export const isCanvasKey = (key: string | null | undefined): boolean => Boolean(key?.startsWith('canvas:'));

export const outboxKeys = {
  /** The first post of a card: queued once, whatever retries or re-runs follow. */
  post: (key: CardKey) => outbox(keyParts.post([key]).join('')),
  /** One edit of a card, for one change (`changeId` unique per change). */
  update: (key: CardKey, changeId: string) => outbox(`update:${key}:${changeId}`),
  /** The notice of one evidence request (a workflow step's execution or a retry of it asks once). */
  evidenceRequest: (requestKey: string) => outbox(`evidence-request:${requestKey}`),
  /** A system's announcement post. */
  announce: (systemId: string) => outbox(`announce:${systemId}`),
  /**
   * An escalation post for one group of items (one item, or one system's overdue evidence) at one level,
   * counted from `since`: the same group escalated again in a later cycle is a new post.
   */
  escalation: (group: { kind: string; subjectId: string; level: number }, since: Date, itemIds: readonly string[]) =>
    outbox(`escalation:${group.kind}:${group.subjectId}:${group.level}:${since.toISOString()}:${itemIds.join(',').slice(0, 200)}`),
  /** An owner's daily reminder (their local day). */
  reminder: (ownerId: string, day: string) => outbox(`reminder:${ownerId}:${day}`),
  /** An owner's Monday message for one week. */
  ownerWeek: (ownerId: string, week: string) => outbox(`owner-week:${ownerId}:${week}`),
  /** The governance digest of one schedule period. */
  digest: (periodKey: string) => outbox(`digest:${periodKey}`),
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
  /** One refresh of a canvas, for one change (`changeId` unique per change). */
  canvasRefresh: (key: CardKey, changeId: string) => outbox(`refresh:${key}:${changeId}`),
} as const;

/** A key read back from storage (a row, a button value) as the typed key it was built as. */
export const asCardKey = (stored: string): CardKey => card(stored);
export const asOutboxKey = (stored: string): OutboxKey => outbox(stored);
