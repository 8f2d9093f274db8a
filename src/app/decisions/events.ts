import { z } from 'zod';

export const DECISION_EVENTS = {
  /** A decision's card in the governance channel: posted when proposed, edited in place when decided. */
  'decision.card.v1': z.object({ decisionId: z.string().min(1) }),
} as const;
