import { z } from 'zod';

const Id = z.string().min(1);

export const EXCEPTION_EVENTS = {
  /** An exception's card in the governance channel: posted when opened, edited at every resolution. */
  'exception.card.v1': z.object({ exceptionId: Id }),
  /**
   * A risk acceptance nears its end: a notice to the approver or the owner, for one acceptance period.
   * Edited after Extend or Close to say what happened (the outcome is the change that just happened:
   * a later extension moves the exception's dates on, so it is not read back from the exception).
   */
  'risk.notice.v1': z.object({
    exceptionId: Id,
    /** The period the notice is about (the exception's acceptedUntil when the notice was sent). */
    acceptedUntil: z.string().datetime(),
    recipientId: Id,
    outcome: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('extended'), by: Id, until: z.string().datetime() }),
      z.object({ kind: z.literal('closed'), by: Id }),
    ]).optional(),
  }),
} as const;
