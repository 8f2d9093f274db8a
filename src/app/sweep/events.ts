import { z } from 'zod';

const Id = z.string().min(1);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SWEEP_EVENTS = {
  /**
   * An owner's daily reminder of what of theirs fell due. The items are those the sweep's audit event
   * (`owner.reminded`, same owner and day) names; the message shows those still open at delivery.
   */
  'owner.reminder.v1': z.object({ ownerId: Id, day: LocalDate, timeZone: z.string().min(1) }),
  /** An owner's Monday message: their open work as of the event's time, in their time zone. */
  'owner.week.v1': z.object({ ownerId: Id, week: LocalDate, timeZone: z.string().min(1) }),
  /** The Still valid offer for one system's evidence of one owner that ends on `periodTo`. */
  'evidence.still-valid-offer.v1': z.object({ systemId: Id, ownerId: Id, periodTo: LocalDate }),
} as const;
