import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { userProfiles } from '../db/schema/index.js';
import type { SlackGateway } from '../slack/gateway.js';

const CACHE_MS = 7 * 86_400_000;

/** The owner's Slack time zone (users.info tz), cached a week; the workspace default when Slack can't say. */
export async function ownerTimeZone(db: DbOrTx, gateway: Pick<SlackGateway, 'userTimeZone'> | undefined, userId: string, now: Date, fallback: string): Promise<string> {
  const [cached] = await db.select().from(userProfiles).where(eq(userProfiles.userId, userId));
  if (cached && now.getTime() - cached.fetchedAt.getTime() < CACHE_MS) return cached.tz;
  if (!gateway) return cached?.tz ?? fallback;
  try {
    const tz = (await gateway.userTimeZone(userId)) ?? fallback;
    await db.insert(userProfiles).values({ userId, tz, fetchedAt: now }).onConflictDoUpdate({ target: userProfiles.userId, set: { tz, fetchedAt: now } });
    return tz;
  } catch {
    return cached?.tz ?? fallback;
  }
}
