import { z } from 'zod';

export const ESCALATION_EVENTS = {
  /**
   * An escalation card in the governance channel: posted by the sweep, then edited when the forum
   * acknowledges, snoozes or reassigns it. The card's row (escalation_cards) holds what it shows.
   */
  'escalation.posted.v1': z.object({ cardKey: z.string().min(1) }),
} as const;
