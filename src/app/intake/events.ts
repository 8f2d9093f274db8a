import { z } from 'zod';

const Id = z.string().min(1);

export const INTAKE_EVENTS = {
  /** A newly registered system's card in the intake channel; its thread holds the record's later notes. */
  'intake.announcement.v1': z.object({
    systemId: Id,
    /** The requester's note for the forum: kept nowhere else. */
    note: z.string().max(3000).optional(),
  }),
  /** The forum's alert that a system was registered with a prohibited practice, and the exception opened for it. */
  'intake.prohibited.v1': z.object({ systemId: Id, exceptionId: Id }),
  /** The intake channel's one line about an inventory import. */
  'intake.imported.v1': z.object({ registered: z.number().int().positive() }),
} as const;
