import { z } from 'zod';

export const DIGEST_EVENTS = {
  /**
   * The governance digest of one schedule period, drawn as of the event's time (asOf): counts and lists
   * are those of that instant, the "new systems" since `since`.
   */
  'digest.posted.v1': z.object({ periodKey: z.string().min(1), since: z.string().datetime() }),
} as const;
