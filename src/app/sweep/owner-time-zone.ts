import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { userProfiles } from '../../db/schema/index.js';
import type { UserDirectory } from './user-directory.js';
import { nextWorkingTime } from '../../domain/working-hours.js';
import { inList } from '../../db/in-list.js';
import { byCodePoint } from '../../domain/ordering.js';

const CACHE_MS = 7 * 86_400_000;
const LOOKUPS_AT_ONCE = 4;

/** The owner's Slack time zone (users.info tz), cached a week; the workspace default when Slack can't say. */
export async function ownerTimeZone(db: DbOrTx, users: UserDirectory | undefined, userId: string, now: Date, fallback: string): Promise<string> {
  return (await ownerTimeZones(db, users, [userId], now, fallback)).get(userId) ?? fallback;
}

/**
 * Time zones for many owners with one cache read; only owners missing from the cache (or stale) cost a
 * users.info call. A sweep over a long backlog asks once per owner, not once per item.
 */
export async function ownerTimeZones(db: DbOrTx, users: UserDirectory | undefined, userIds: readonly string[], now: Date, fallback: string): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  const stale: string[] = [];
  for (let i = 0; i < userIds.length; i += 20_000) {
    const rows = await db.select().from(userProfiles).where(inList(userProfiles.userId, userIds.slice(i, i + 20_000)));
    for (const r of rows) {
      zones.set(r.userId, r.tz);
      if (now.getTime() - r.fetchedAt.getTime() >= CACHE_MS) stale.push(r.userId);
    }
  }
  const toAsk = [...new Set([...userIds.filter((u) => !zones.has(u)), ...stale])];
  if (!users || !toAsk.length) {
    for (const id of toAsk) zones.set(id, zones.get(id) ?? fallback);
    return zones;
  }
  // A few users.info calls at a time (Tier 4 allows 100+ a minute); a failure keeps the old or default zone.
  const fetched: { userId: string; tz: string; fetchedAt: Date }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < toAsk.length) {
      const id = toAsk[next++]!;
      try {
        const tz = (await users.userTimeZone(id)) ?? zones.get(id) ?? fallback;
        zones.set(id, tz);
        fetched.push({ userId: id, tz, fetchedAt: now });
      } catch {
        zones.set(id, zones.get(id) ?? fallback);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, toAsk.length) }, worker));
  // In id order, so two sweeps' steps upserting overlapping owners lock rows in the same order.
  fetched.sort((a, b) => byCodePoint(a.userId, b.userId));
  for (let i = 0; i < fetched.length; i += 1000) {
    await db.insert(userProfiles).values(fetched.slice(i, i + 1000))
      .onConflictDoUpdate({ target: userProfiles.userId, set: { tz: sql`excluded.tz`, fetchedAt: sql`excluded.fetched_at` } });
  }
  return zones;
}

/**
 * nextWorkingTime for one instant across many people: computed once per zone, not once per person
 * (a sweep asks about thousands of people who share a handful of zones).
 */
export function deliveryTimesAt(now: Date): (tz: string) => Date {
  const byZone = new Map<string, Date>();
  return (tz) => {
    let at = byZone.get(tz);
    if (!at) byZone.set(tz, (at = nextWorkingTime(now, tz)));
    return at;
  };
}
