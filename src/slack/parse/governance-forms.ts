import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import { EXCEPTION_RESOLUTIONS } from '../views/exception-resolve-view.js';

// private_metadata of the governance modals: only ids travel, and the verbs check them again.

export const DecisionMeta = z.object({ decisionId: z.string().regex(/^dec_[a-z0-9]+$/) });
export const ExceptionMeta = z.object({ exceptionId: z.string().regex(/^exc_[a-z0-9]+$/) });
export const ExceptionResolveMeta = ExceptionMeta.extend({ resolution: z.enum(EXCEPTION_RESOLUTIONS) });
export const EscalationMeta = z.object({ itemRef: z.string().min(3).max(100), channel: z.string().optional(), ts: z.string().optional() });

/** Button values name one record; its id prefix says which kind, so a value from another button is refused. */
export const ReviewId = z.string().regex(/^rev_[a-z0-9]+$/);
export const DecisionId = DecisionMeta.shape.decisionId;
export const ExceptionId = ExceptionMeta.shape.exceptionId;

/** A button's value, checked: a malformed one is refused as out of date rather than failing obscurely. */
export function buttonValue<T extends z.ZodType>(schema: T, raw: string | undefined): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', 'This button is out of date; nothing was changed.');
  return parsed.data;
}
