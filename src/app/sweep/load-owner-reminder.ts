import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { loadOverdueItems, type OverdueItem } from './overdue-items.js';

const Input = z.object({ ownerId: z.string().min(1), day: z.string().min(1) });
const Reminded = z.object({ items: z.array(z.object({ kind: z.string(), id: z.string() })) });

/**
 * The items an owner's reminder of `day` is about, those still overdue as of ctx.now(). The sweep's audit
 * event (`owner.reminded`) is the record of what it reminded them of. Empty when none is left (or none
 * was recorded).
 */
export async function loadOwnerReminder({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<OverdueItem[]> {
  const { ownerId, day } = Input.parse(input);
  const [event] = await ctx.db.select({ after: auditEvents.after }).from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, ownerId), eq(auditEvents.action, 'owner.reminded'), sql`${auditEvents.after}->>'day' = ${day}`))
    .orderBy(desc(auditEvents.seq)).limit(1);
  const reminded = Reminded.safeParse(event?.after);
  if (!reminded.success || !reminded.data.items.length) return [];
  const order = new Map(reminded.data.items.map((i, n) => [`${i.kind}:${i.id}`, n]));
  const items = await loadOverdueItems(ctx.db, ctx.now(), reminded.data.items.map((i) => i.id));
  // As the sweep listed them; an id of another kind that happens to match is not one of them.
  return items.filter((i) => order.has(`${i.kind}:${i.id}`)).sort((a, b) => order.get(`${a.kind}:${a.id}`)! - order.get(`${b.kind}:${b.id}`)!);
}
