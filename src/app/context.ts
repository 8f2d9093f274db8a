import type { Logger } from 'pino';
import type { Db, DbOrTx, Tx } from '../db/client.js';
import type { ClassificationPolicy } from '../domain/classify-intake.js';
import type { EscalationPolicy } from '../domain/escalation-ladder.js';
import { queueCanvasesForChanges } from './canvases/queue-canvas-refresh.js';

/** Where a state change came from, kept on every audit event. */
export type Origin =
  | {
    via: 'slack'; surface: string; channel?: string | undefined; messageTs?: string | undefined; viewId?: string | undefined; actionId?: string | undefined;
    /** A Workflow Builder step: which one, and Slack's ids for this run of it and of its workflow. */
    workflowStep?: string | undefined; functionExecutionId?: string | undefined; workflowExecutionId?: string | undefined;
  }
  | { via: 'cli'; command: string }
  | { via: 'scheduler'; job: string };

export interface Actor {
  /** Slack user id, or `system` for schedules and imports without a person. */
  readonly userId: string;
  readonly isAdmin: boolean;
  readonly origin: Origin;
}

export interface Policy {
  readonly governanceChannel: string;
  readonly intakeChannel: string;
  readonly admins: readonly string[];
  readonly timeZone: string;
  /** Days an owner has to answer an evidence request. */
  readonly evidenceDueDays: number;
  readonly classification: ClassificationPolicy;
  readonly escalation: EscalationPolicy;
  readonly digestCron: string;
  /** Queue canvas refreshes with state changes (absent: off). */
  readonly canvases?: boolean;
}

/** Everything a verb needs: who acts, against which database, at what time. Time is never read elsewhere. */
export interface ServiceContext {
  readonly db: DbOrTx;
  readonly actor: Actor;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly policy: Policy;
  /** Wakes the outbox dispatcher after a commit so messages leave at once rather than at the next poll. */
  readonly afterCommit?: () => void;
}

export const isTx = (db: DbOrTx): db is Tx => 'rollback' in db;

/**
 * Runs fn in a transaction, reusing an outer one so verbs can compose. The outermost one also queues the
 * canvases its changes touch, so no verb has to remember them.
 */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTx(ctx.db)) return fn(ctx.db);
  const result = await (ctx.db as Db).transaction(async (tx) => {
    const value = await fn(tx);
    await queueCanvasesForChanges(tx, ctx.policy, ctx.now());
    return value;
  });
  ctx.afterCommit?.();
  return result;
}

export function actorFor(userId: string, policy: Pick<Policy, 'admins'>, origin: Origin): Actor {
  return { userId, isAdmin: policy.admins.includes(userId), origin };
}

export const SYSTEM_ACTOR_ID = 'system';
/** The actor of a Workflow Builder step when Slack does not say who ran the workflow. */
export const WORKFLOW_ACTOR_ID = 'workflow';

/** A context for one request, made by a surface that holds no database handle of its own (the Slack listeners). */
export type ContextFactory = (userId: string, origin: Origin) => ServiceContext;

export function contextFactory(base: { db: Db; policy: Policy; now: () => Date; logger: Logger; afterCommit?: () => void }): ContextFactory {
  return (userId, origin) => ({
    db: base.db,
    actor: actorFor(userId, base.policy, origin),
    now: base.now,
    logger: base.logger.child({ actor: userId }),
    policy: base.policy,
    ...(base.afterCommit ? { afterCommit: base.afterCommit } : {}),
  });
}
