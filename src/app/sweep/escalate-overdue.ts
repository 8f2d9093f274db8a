import { escalationCards, escalations } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { insertMany } from '../../db/insert-many.js';
import { ladderStart, levelsReached, type EscalationStep } from '../../domain/escalation-ladder.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvents } from '../events/enqueue-event.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { loadEscalationHistory, loadOverdueItems, type OverdueItem } from './overdue-items.js';
import { byCodePoint } from '../../domain/ordering.js';

/**
 * A card lists its first items and counts the rest (item_refs holds them all, for the buttons): a
 * system's overdue evidence can be thousands of claims, and their details need not be stored twice.
 */
const ITEMS_KEPT_ON_CARD = 20;
const LEVEL_OF: Record<EscalationStep, number> = { remind: 0, level_1: 1, level_2: 2 };
const STEP_OF = ['remind', 'level_1', 'level_2'] as const;

export interface EscalationOutcome { escalated: number; superseded: number; remindOwners: Map<string, OverdueItem[]> }

interface Planned { item: OverdueItem; step: EscalationStep; cycleKey: string; since: Date; superseded: EscalationStep[] }
type Group = { level: 1 | 2; kind: string; subjectId: string; items: OverdueItem[]; skipped: Map<string, EscalationStep[]>; since: Date; firstCycle: string };

/**
 * Walks every overdue item up the ladder. Each (item, level, cycle) is a unique row: inserting it is
 * the claim to post it, so a re-run or a second replica finds the row taken and posts nothing. Rows,
 * posts and audit events are written in bulk: a sweep over a long backlog stays a few statements.
 */
export async function escalateOverdue(ctx: ServiceContext): Promise<EscalationOutcome> {
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const items = await loadOverdueItems(tx, now);
    const history = await loadEscalationHistory(tx, items);
    const planned = planSteps(items, history, ctx, now);
    const won = await claimRows(tx, planned, now);
    // Lower steps a backlog skips need no row of their own: a posted higher step already keeps them from
    // being sent (see levelsReached), and the audit event of the post names them.
    let superseded = 0;

    const remindOwners = new Map<string, OverdueItem[]>();
    const groups = new Map<string, Group>();
    for (const p of planned) {
      if (!won.has(rowKey(p.item, LEVEL_OF[p.step], p.cycleKey))) continue;
      superseded += p.superseded.length;
      if (p.step === 'remind') {
        const theirs = remindOwners.get(p.item.ownerId);
        if (theirs) theirs.push(p.item);
        else remindOwners.set(p.item.ownerId, [p.item]);
        continue;
      }
      const level = LEVEL_OF[p.step] as 1 | 2;
      // Overdue evidence of one system is one post per level, not one per claim.
      const subjectId = p.item.kind === 'evidence' ? p.item.systemId : p.item.id;
      const groupKey = `${p.item.kind}:${subjectId}:${level}`;
      const group: Group = groups.get(groupKey) ?? { level, kind: p.item.kind, subjectId, items: [], skipped: new Map(), since: p.since, firstCycle: p.cycleKey };
      group.items.push(p.item);
      if (p.superseded.length) group.skipped.set(p.item.id, p.superseded);
      if (p.since < group.since) group.since = p.since;
      groups.set(groupKey, group);
    }
    await postGroups(tx, ctx, [...groups].sort(([a], [b]) => byCodePoint(a, b)).map(([, g]) => g), now);
    return { escalated: groups.size, superseded, remindOwners };
  });
}

function planSteps(items: OverdueItem[], history: Awaited<ReturnType<typeof loadEscalationHistory>>, ctx: ServiceContext, now: Date): Planned[] {
  const planned: Planned[] = [];
  for (const item of items) {
    const h = history.get(item.id);
    const base = { dueAt: item.dueAt, now, resolved: false, acceptedUntil: item.acceptedUntil, snoozedUntil: h?.snoozedUntil ?? null, policy: ctx.policy.escalation };
    const cycleKey = ladderStart(base).toISOString();
    const posted = [...(h?.steps.get(cycleKey) ?? [])].map((l) => STEP_OF[Number(l)]!).filter(Boolean);
    const position = levelsReached({ ...base, alreadyPosted: posted });
    if (!position.post) continue;
    planned.push({ item, step: position.post.step, cycleKey, since: position.countedFrom, superseded: position.superseded.map((s) => s.step) });
  }
  return planned;
}

const rowKey = (item: OverdueItem, level: number, cycleKey: string) => `${item.kind}|${item.id}|${level}|${cycleKey}`;

/** Inserts escalation rows; the ones that come back are ours to act on (another sweep may hold the rest). */
async function claimRows(tx: DbOrTx, planned: Planned[], now: Date): Promise<Set<string>> {
  const returned = await insertMany(tx, escalations, planned.map((p) => ({
    id: newId('esc'), itemKind: p.item.kind, itemId: p.item.id, systemId: p.item.systemId, level: LEVEL_OF[p.step], cycleKey: p.cycleKey, outcome: 'posted', createdAt: now,
  })), { onConflictDoNothing: ['itemKind', 'itemId', 'level', 'cycleKey'], returning: ['itemKind', 'itemId', 'level', 'cycleKey'] });
  return new Set(returned.map((r) => `${r.itemKind}|${r.itemId}|${r.level}|${r.cycleKey}`));
}

/**
 * Each group's card row holds what the card shows; the post queued for it names the card only and is
 * drawn at delivery, so a sweep over a backlog stores a few ids per post, not its Block Kit.
 */
async function postGroups(tx: DbOrTx, ctx: ServiceContext, groups: Group[], now: Date): Promise<void> {
  const posts = groups.map((group) => {
    const first = group.items[0]!;
    return { group, first, card: cardKeys.escalation(first, group.level, group.firstCycle) };
  });
  // What each card showed, so Acknowledge, Snooze and Reassign can draw it again with their outcome. A card
  // whose post was queued before already exists under its key, so the conflict skips it.
  const cards = posts.map(({ group, first, card }) => ({
    key: card, systemId: first.systemId, level: group.level, since: group.since, itemRefs: group.items.map((i) => `${i.kind}:${i.id}`),
    items: group.items.slice(0, ITEMS_KEPT_ON_CARD), createdAt: now, updatedAt: now,
  }));
  const audits = posts.map(({ group, first }) => ({
    action: `escalation.level_${group.level}`, subjectType: first.kind, subjectId: first.id,
    after: {
      systemId: first.systemId, level: group.level,
      items: group.items.map((i) => ({ kind: i.kind, id: i.id, dueAt: i.dueAt, ...(group.skipped.has(i.id) ? { superseded: group.skipped.get(i.id) } : {}) })),
    },
  }));
  // Three independent writes, sent together: the server stores one while the next is serialised here. The
  // post is worded as of its card's own time (created_at), so it needs no asOf.
  await Promise.all([
    insertMany(tx, escalationCards, cards, { onConflictDoNothing: ['key'] }),
    enqueueEvents(tx, null, posts.map(({ group, card }) => ({
      event: { kind: 'escalation.posted.v1' as const, body: { cardKey: card } },
      key: outboxKeys.escalation(group, group.since, group.items.map((i) => i.id)),
      card,
    }))),
    recordAudits(tx, ctx, audits),
  ]);
}
