import { escalationCards, escalations } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { levelsReached, type EscalationStep } from '../../domain/escalation-ladder.js';
import { enqueue } from '../../outbox/enqueue.js';
import { buildEscalationPost } from '../../slack/views/escalation-post.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { escalationCardKey } from '../notify/escalation-card.js';
import { loadEscalationHistory, loadOverdueItems, type OverdueItem } from './overdue-items.js';

const LEVEL_OF: Record<EscalationStep, number> = { remind: 0, level_1: 1, level_2: 2 };
const STEP_OF = ['remind', 'level_1', 'level_2'] as const;

export interface EscalationOutcome { escalated: number; superseded: number; remindOwners: Map<string, OverdueItem[]> }

/**
 * Walks every overdue item up the ladder. Each (item, level, cycle) is a unique row: inserting it is
 * the claim to post it, so a re-run or a second replica finds the row taken and posts nothing.
 */
export async function escalateOverdue(ctx: ServiceContext): Promise<EscalationOutcome> {
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const items = await loadOverdueItems(tx, now);
    const history = await loadEscalationHistory(tx, items);
    const toPost = new Map<string, { level: 1 | 2; items: OverdueItem[]; since: Date; firstCycle: string }>();
    const remindOwners = new Map<string, OverdueItem[]>();
    let superseded = 0;
    for (const item of items) {
      const h = history.get(item.id);
      const probe = levelsReached({ dueAt: item.dueAt, now, resolved: false, acceptedUntil: item.acceptedUntil, snoozedUntil: h?.snoozedUntil ?? null, policy: ctx.policy.escalation });
      const cycleKey = probe.countedFrom.toISOString();
      const posted = [...(h?.steps.get(cycleKey) ?? [])].map((l) => STEP_OF[Number(l)]!).filter(Boolean);
      const position = levelsReached({ dueAt: item.dueAt, now, resolved: false, acceptedUntil: item.acceptedUntil, snoozedUntil: h?.snoozedUntil ?? null,
        policy: ctx.policy.escalation, alreadyPosted: posted });
      if (!position.post) continue;
      for (const s of position.superseded) {
        const r = await tx.insert(escalations).values({ id: newId('esc'), itemKind: item.kind, itemId: item.id, systemId: item.systemId, level: LEVEL_OF[s.step], cycleKey, outcome: 'superseded', createdAt: now })
          .onConflictDoNothing().returning({ id: escalations.id });
        superseded += r.length;
      }
      const claimed = await tx.insert(escalations).values({ id: newId('esc'), itemKind: item.kind, itemId: item.id, systemId: item.systemId, level: LEVEL_OF[position.post.step], cycleKey, outcome: 'posted', createdAt: now })
        .onConflictDoNothing().returning({ id: escalations.id });
      if (!claimed.length) continue;
      if (position.post.step === 'remind') {
        remindOwners.set(item.ownerId, [...(remindOwners.get(item.ownerId) ?? []), item]);
        continue;
      }
      const level = LEVEL_OF[position.post.step] as 1 | 2;
      // Overdue evidence of one system is one post per level, not one per claim.
      const groupKey = item.kind === 'evidence' ? `evidence:${item.systemId}:${level}` : `${item.kind}:${item.id}:${level}`;
      const group = toPost.get(groupKey) ?? { level, items: [], since: probe.countedFrom, firstCycle: cycleKey };
      group.items.push(item);
      if (probe.countedFrom < group.since) group.since = probe.countedFrom;
      toPost.set(groupKey, group);
    }
    for (const [groupKey, group] of [...toPost].sort(([a], [b]) => a.localeCompare(b))) {
      const post = buildEscalationPost({ level: group.level, items: group.items, since: group.since, now, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone });
      const first = group.items[0]!;
      const key = escalationCardKey(first, group.level, group.firstCycle);
      const queued = await enqueue(tx, { kind: 'slack.post.v1', channel: ctx.policy.governanceChannel, ...post, storeAs: key },
        { idempotencyKey: `escalation:${groupKey}:${group.since.toISOString()}:${group.items.map((i) => i.id).join(',').slice(0, 200)}` });
      // What the card showed, so Acknowledge, Snooze and Reassign can draw it again with their outcome.
      if (queued) {
        await tx.insert(escalationCards).values({ key, systemId: first.systemId, level: group.level, since: group.since, itemRefs: group.items.map((i) => `${i.kind}:${i.id}`),
          items: group.items, createdAt: now, updatedAt: now }).onConflictDoNothing();
      }
      await recordAudit(tx, ctx, { action: `escalation.level_${group.level}`, subjectType: first.kind, subjectId: first.id,
        after: { systemId: first.systemId, items: group.items.map((i) => ({ kind: i.kind, id: i.id, dueAt: i.dueAt })), level: group.level } });
    }
    return { escalated: toPost.size, superseded, remindOwners };
  });
}
