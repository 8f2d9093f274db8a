import { z } from 'zod';

const Id = z.string().min(1);

/** What a request led to, as it happened: the receipt and the thread note word it. */
export const RequestOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('material_change'),
    changedFacts: z.array(z.string()),
    staleClaims: z.number().int().nonnegative(),
    /** The review made due now, or null when one was already due for this change. */
    review: z.object({ trigger: z.string(), reason: z.string() }).nullable(),
  }),
  /** A serious incident has a legal deadline (the request's), read when the message is drawn. */
  z.object({ kind: z.literal('incident'), serious: z.boolean() }),
  /** A customer-assurance request sent on: to the system's owner, or to the governance channel. */
  z.object({ kind: z.literal('forwarded'), toOwner: z.boolean() }),
  z.object({ kind: z.literal('none') }),
]);
export type RequestOutcome = z.infer<typeof RequestOutcome>;

export const REQUEST_EVENTS = {
  /** A note in the system's thread: a request raised about it, and what came of it. */
  'requests.note.v1': z.object({ requestId: Id, outcome: RequestOutcome }),
  /** The requester's receipt: what was recorded and what happens next. */
  'requests.receipt.v1': z.object({ requestId: Id, outcome: RequestOutcome }),
  /** A customer-assurance request, to the system's owner (or the governance channel when no system is named). */
  'requests.assurance.v1': z.object({ requestId: Id }),
  /** A serious incident's legal reporting deadline, in the governance channel. */
  'requests.legal-deadline.v1': z.object({
    deadlineId: Id,
    /** How the deadline was reckoned (the law's rule for this severity): kept only in the audit trail otherwise. */
    reason: z.string(),
  }),
} as const;
