import { z } from 'zod';
import { loadDigestFacts } from '../../db/repos/digest-facts.js';
import { upcomingApplicationDates } from '../../domain/statutory-deadlines.js';
import type { ServiceContext } from '../context.js';

const Input = z.object({ periodKey: z.string().min(1), since: z.coerce.date() });

/** What the governance digest of a period reports, as of ctx.now(): the facts, and the statutory dates ahead. */
export async function loadDigest({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { periodKey, since } = Input.parse(input);
  const now = ctx.now();
  const facts = await loadDigestFacts(ctx.db, now, since);
  return { periodKey, since, now, facts, dates: upcomingApplicationDates(now, 180) };
}
