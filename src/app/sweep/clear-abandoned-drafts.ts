import { lt } from 'drizzle-orm';
import { intakeDrafts } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { DRAFT_LIFETIME_MS } from '../intake/draft-intake.js';

/** Intake forms nobody confirmed within a day are abandoned; the sweep clears them off the request path. */
export async function clearAbandonedDrafts(ctx: ServiceContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - DRAFT_LIFETIME_MS);
  const gone = await ctx.db.delete(intakeDrafts).where(lt(intakeDrafts.createdAt, cutoff)).returning({ id: intakeDrafts.id });
  return gone.length;
}
