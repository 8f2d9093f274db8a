import { eq, inArray } from 'drizzle-orm';
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

/**
 * Time zones for many owners with one cache read; only owners missing from the cache (or stale) cost a
 * users.info call. A sweep over a long backlog asks once per owner, not once per item.
 */
export async function ownerTimeZones(db: DbOrTx, gateway: Pick<SlackGateway, 'userTimeZone'> | undefined, userIds: readonly string[], now: Date, fallback: string): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  const stale: string[] = [];
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db.select().from(userProfiles).where(inArray(userProfiles.userId, userIds.slice(i, i + 1000)));
    for (const r of rows) {
      zones.set(r.userId, r.tz);
      if (now.getTime() - r.fetchedAt.getTime() >= CACHE_MS) stale.push(r.userId);
    }
  }
  for (const id of [...userIds.filter((u) => !zones.has(u)), ...stale]) zones.set(id, await ownerTimeZone(db, gateway, id, now, zones.get(id) ?? fallback));
  return zones;
}
