import { and, asc, eq, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { outboxMessages, slackMessages } from '../db/schema/index.js';
import { classifySlackError, type DeliveryFailure, type SlackGateway } from '../slack/gateway.js';
import { OutboxMessage } from './messages.js';
import { AppBlock, type AppBlockReport } from './app-block.js';
import { outboxMetrics } from './metrics.js';
import { METHOD_TIERS, MethodPacer, TierWindow } from './pacer.js';
import { deliverCanvas } from './canvas-delivery.js';
import { isCanvasKey } from '../domain/message-keys.js';
import type { EventRenderer, MessageMetadata, RenderedMessage } from './rendering.js';

export interface DispatcherOptions {
  db: Db;
  gateway: SlackGateway;
  /** Builds the message of an event row at delivery. */
  renderer: EventRenderer;
  logger: Logger;
  /** The wall clock: delivery happens in real time even when a sweep runs `--now` in the future. */
  clock?: () => Date;
  batchSize?: number;
  /** A claimed row whose worker died is claimed again after this long. */
  leaseMs?: number;
  maxAttempts?: number;
}

type Row = typeof outboxMessages.$inferSelect;

/** What a drain did: delivered and dead count this process's deliveries; pending is what is left in the table. */
export interface DrainResult {
  pending: number;
  delivered: number;
  dead: number;
  /** Rows this drain tried, failed to deliver and left pending (the rest of `pending` is not due yet, or another process has it). */
  failing: number;
  /** Why the last delivery that failed during the drain failed. */
  lastFailure: string | undefined;
  /** Stopped early: several deliveries in a row failed with a network or server error. */
  slackDown: boolean;
  /** Stopped early: Slack refuses the app itself (this reason, e.g. token_revoked); nothing more was tried. */
  blocked: string | undefined;
}

/** A drain stops early after this many failed attempts in a row: Slack is down, not slow. */
const DRAIN_GIVE_UP_AFTER = 3;
type Outcome =
  | { status: 'sent'; channel: string; ts: string }
  | { status: 'waiting'; detail: string }
  | { status: 'paused'; untilMs: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; failure: DeliveryFailure };

const BACKOFF_CAP_MS = 15 * 60_000;
export const backoffMs = (attempts: number) => Math.min(BACKOFF_CAP_MS, 1000 * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers outbox rows: claim (FOR UPDATE SKIP LOCKED, so several processes share the work without
 * sending a row twice), deliver through the gateway, then record the outcome. A crash between
 * delivery and the record can repeat only that one message, once the lease expires.
 */
export class OutboxDispatcher {
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly clock: () => Date;
  /** Slack rate-limits per method: after a 429, hold that method back instead of hammering it. */
  private pausedUntil = new Map<string, number>();
  /** Spacing per method learned from 429s, so delivery settles under Slack's rate rather than bursting into it. */
  private pacers = new Map<string, MethodPacer>();
  /** Methods with a published tier (the canvas methods) kept within it: see METHOD_TIERS. */
  private tiers = new Map<string, TierWindow>();
  /** The method an event row's delivery called, for a 429 to pause the right one. */
  private eventMethods = new Map<string, string>();
  private running = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> = Promise.resolve();
  private kicked = false;
  /** start() was called: only a polling dispatcher is woken by kick(); the CLI delivers by drain() alone. */
  private started = false;
  private readonly appBlock: AppBlock;

  constructor(private readonly opts: DispatcherOptions) {
    this.batchSize = opts.batchSize ?? 20;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 40;
    this.clock = opts.clock ?? (() => new Date());
    this.appBlock = new AppBlock({ logger: opts.logger, now: () => this.clock().getTime() });
  }

  /** Whether Slack refuses the app itself, and why: what /healthz reports. */
  blockReport(): AppBlockReport {
    return this.appBlock.report();
  }

  /** Claims and delivers one batch; returns how many rows it handled. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    for (const row of rows) await this.deliverRow(row);
    return rows.length;
  }

  /**
   * Delivers until nothing is due (the CLI does this before exiting). Rows waiting on a future time stay.
   * When Slack cannot be reached (several failed deliveries in a row) it stops early rather than
   * waiting out the backoff: the rows stay pending for the server or the next run.
   */
  async drain(timeoutMs = 60_000): Promise<DrainResult> {
    const deadline = Date.now() + timeoutMs;
    // Counted from this drain's own deliveries: a poll loop running beside it does not sway the verdict.
    const tally = { delivered: 0, dead: 0, failedInARow: 0, lastFailure: undefined as string | undefined, failing: new Set<string>() };
    let slackDown = false;
    while (Date.now() < deadline && !slackDown && !this.appBlock.blocked) {
      const rows = await this.claim();
      for (const row of rows) {
        const result = await this.deliverRow(row);
        tally.failing.delete(row.id);
        if (result.outcome === 'sent') { tally.delivered += 1; tally.failedInARow = 0; continue; }
        if (result.failure) tally.lastFailure = result.failure.detail;
        if (result.outcome === 'retry') tally.failing.add(row.id);
        if (result.outcome === 'dead') tally.dead += 1;
        if (result.failure?.kind === 'transient' && ++tally.failedInARow >= DRAIN_GIVE_UP_AFTER) slackDown = true;
      }
      if (slackDown || this.appBlock.blocked || rows.length > 0) continue;
      const due = await this.dueSoon(deadline);
      if (!due) break;
      await sleep(Math.min(1000, Math.max(this.pauseRemainingMs() ?? 50, due.getTime() - this.clock().getTime(), 10)));
    }
    return { pending: await this.pendingCount(), delivered: tally.delivered, dead: tally.dead, failing: tally.failing.size, lastFailure: tally.lastFailure, slackDown, blocked: this.appBlock.blockedBy };
  }

  start(pollMs = 1000): void {
    this.stopped = false;
    this.started = true;
    const loop = async () => {
      if (this.stopped) return;
      this.running = true;
      try {
        this.kicked = false;
        while (!this.stopped && (await this.runOnce()) > 0);
      } catch (err) {
        this.opts.logger.error({ err }, 'outbox dispatch failed; retrying on the next poll');
      } finally {
        this.running = false;
      }
      // A method paused after a 429 holds rows back: look again the moment the pause ends, not a poll later.
      const wait = this.kicked ? 0 : Math.min(pollMs, this.pauseRemainingMs() ?? pollMs);
      if (!this.stopped) this.timer = setTimeout(() => { this.inFlight = loop(); }, wait);
    };
    this.inFlight = loop();
  }

  /** Called after a commit: deliver now rather than at the next poll. */
  kick(): void {
    if (this.stopped || !this.started) return;
    if (this.running) { this.kicked = true; return; }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), 0);
  }

  /** Stops polling and waits for the batch in flight, so a SIGTERM never cuts a delivery in half. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.inFlight.catch(() => {});
  }

  private async claim(): Promise<Row[]> {
    if (!(await this.appBlock.mayClaim(() => this.probeSlack()))) return [];
    const now = this.clock();
    const { db } = this.opts;
    // Rows for a method Slack has paused stay unclaimed: claiming them only to put them back is churn.
    const held = KINDS.filter((kind) => (this.pausedUntil.get(METHOD_OF_KIND[kind]) ?? 0) > Date.now());
    return db.transaction(async (tx) => {
      const due = await tx.select({ id: outboxMessages.id }).from(outboxMessages)
        .where(and(
          or(
            and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)),
            and(eq(outboxMessages.status, 'sending'), lte(outboxMessages.lockedUntil, now)),
          ),
          held.length ? notInArray(outboxMessages.kind, held) : undefined,
          // One delivery per card at a time: two edits of one message racing could land in either order.
          sql`(${outboxMessages.cardKey} is null or not exists (select 1 from ${outboxMessages} busy where busy.card_key = ${outboxMessages.cardKey} and busy.status = 'sending' and busy.locked_until > ${now.toISOString()}::timestamptz and busy.id <> ${outboxMessages.id}))`,
        ))
        .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.createdAt))
        .limit(this.batchSize)
        .for('update', { skipLocked: true });
      if (!due.length) return [];
      return tx.update(outboxMessages)
        .set({ status: 'sending', lockedUntil: new Date(now.getTime() + this.leaseMs), attempts: sql`${outboxMessages.attempts} + 1` })
        .where(inArray(outboxMessages.id, due.map((r) => r.id)))
        .returning();
    }).then((rows) => rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  }

  private async deliverRow(row: Row): Promise<{ outcome: 'sent' | 'dead' | 'retry' | 'held'; failure?: DeliveryFailure }> {
    // Another row of this batch found the app blocked: this one would fail the same way.
    if (this.appBlock.blocked) return this.releaseBlocked(row);
    const started = Date.now();
    const outcome = await this.deliver(row).catch((err): Outcome => ({ status: 'failed', failure: classifySlackError(err) }));
    const method = this.methodOf(row);
    this.eventMethods.delete(row.id);
    const { db, logger } = this.opts;
    const now = this.clock();
    const log = logger.child({ outboxId: row.id, kind: row.kind, attempts: row.attempts });
    outboxMetrics.deliveries.inc({ outcome: outcome.status === 'failed' ? outcome.failure.kind : outcome.status });
    outboxMetrics.deliveryLatency.observe((Date.now() - started) / 1000);
    if (outcome.status === 'sent') {
      await db.transaction(async (tx) => {
        await tx.update(outboxMessages).set({ status: 'sent', sentAt: now, resultChannel: outcome.channel, resultTs: outcome.ts, lockedUntil: null, lastError: null })
          .where(eq(outboxMessages.id, row.id));
        const payload = row.payload as OutboxMessage;
        // A canvas keeps its own record (slack_canvases); slack_messages holds messages only.
        const storeAs = payload.kind === 'slack.post.v1' ? payload.storeAs : payload.kind === 'slack.update.v1' || isCanvasKey(row.cardKey) ? undefined : row.cardKey;
        if (storeAs) {
          await tx.insert(slackMessages).values({ key: storeAs, channel: outcome.channel, ts: outcome.ts, updatedAt: now })
            .onConflictDoUpdate({ target: slackMessages.key, set: { channel: outcome.channel, ts: outcome.ts, updatedAt: now } });
        }
      });
      this.appBlock.delivered();
      return { outcome: 'sent' };
    }
    if (outcome.status === 'skipped') {
      // The record no longer calls for this message (gone, or nothing to say): done, with the reason kept.
      await db.update(outboxMessages).set({ status: 'skipped', sentAt: now, lockedUntil: null, lastError: outcome.reason }).where(eq(outboxMessages.id, row.id));
      return { outcome: 'sent' };
    }
    if (outcome.status === 'paused') {
      // Held back by our own pause, not refused by Slack: no attempt spent, and the pause is not extended —
      // extending it for every held row would keep the method paused for as long as rows keep coming due.
      await db.update(outboxMessages).set({ status: 'pending', lockedUntil: null, attempts: sql`${outboxMessages.attempts} - 1`, nextAttemptAt: new Date(now.getTime() + Math.max(0, outcome.untilMs - Date.now())) })
        .where(eq(outboxMessages.id, row.id));
      return { outcome: 'held' };
    }
    if (outcome.status === 'waiting') {
      // The message it depends on is not out yet; this is not a failed attempt.
      await db.update(outboxMessages).set({ status: 'pending', lockedUntil: null, attempts: sql`${outboxMessages.attempts} - 1`, nextAttemptAt: new Date(now.getTime() + 2000), lastError: outcome.detail })
        .where(eq(outboxMessages.id, row.id));
      return { outcome: 'held' };
    }
    const { failure } = outcome;
    if (failure.kind === 'app_blocked') {
      this.appBlock.block(failure.detail);
      return this.releaseBlocked(row, failure);
    }
    const giveUp = failure.kind === 'permanent' || (failure.kind === 'transient' && row.attempts >= this.maxAttempts);
    if (giveUp) {
      log.error({ reason: failure.detail }, 'outbox message is dead: it will not be retried');
      await db.update(outboxMessages).set({ status: 'dead', lockedUntil: null, lastError: failure.detail }).where(eq(outboxMessages.id, row.id));
      return { outcome: 'dead', failure };
    }
    const waitMs = failure.kind === 'rate_limited' ? failure.retryAfterSeconds * 1000 : backoffMs(row.attempts);
    if (failure.kind === 'rate_limited') {
      this.pausedUntil.set(method, Math.max(this.pausedUntil.get(method) ?? 0, Date.now() + waitMs));
      this.pacer(method).rateLimited(failure.retryAfterSeconds);
    }
    log.warn({ reason: failure.detail, retryInMs: waitMs }, 'outbox delivery failed; will retry');
    await db.update(outboxMessages).set({
      status: 'pending', lockedUntil: null, lastError: failure.detail, nextAttemptAt: new Date(now.getTime() + waitMs),
      // A 429 is Slack pacing us, not a failure of this message: it does not use up its attempts.
      ...(failure.kind === 'rate_limited' ? { attempts: sql`${outboxMessages.attempts} - 1` } : {}),
    }).where(eq(outboxMessages.id, row.id));
    return { outcome: 'retry', failure };
  }

  /** Back to pending as it was, no attempt spent: the app is refused, not this message. */
  private async releaseBlocked(row: Row, failure?: DeliveryFailure): Promise<{ outcome: 'held'; failure?: DeliveryFailure }> {
    await this.opts.db.update(outboxMessages)
      .set({ status: 'pending', lockedUntil: null, attempts: sql`${outboxMessages.attempts} - 1`, ...(failure ? { lastError: failure.detail } : {}) })
      .where(eq(outboxMessages.id, row.id));
    return failure ? { outcome: 'held', failure } : { outcome: 'held' };
  }

  /** While blocked: does Slack accept the app again? null when it does. */
  private async probeSlack(): Promise<DeliveryFailure | null> {
    return this.opts.gateway.checkAuth().then(() => null, (err: unknown) => classifySlackError(err));
  }

  private async deliver(row: Row): Promise<Outcome> {
    if (this.opts.renderer.renders(row.kind)) return isCanvasKey(row.cardKey) ? this.deliverCanvas(row) : this.deliverEvent(row);
    const paused = this.pausedUntil.get(this.methodOf(row)) ?? 0;
    if (paused > Date.now()) return { status: 'paused', untilMs: paused };
    const message = OutboxMessage.parse(row.payload);
    const { gateway } = this.opts;
    if (message.kind === 'slack.post.v1') {
      return this.post(message.channel, { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }, message.threadKey);
    }
    const target = await this.stored(message.key);
    if (!target) return { status: 'waiting', detail: `waiting for ${message.key} to be posted` };
    await this.waitTurn('chat.update');
    await gateway.updateMessage({ channel: target.channel, ts: target.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    this.pacer('chat.update').sent();
    return { status: 'sent', channel: target.channel, ts: target.ts };
  }

  /** An event row: build the message from the record's state now, then post it or edit its card. */
  private async deliverEvent(row: Row): Promise<Outcome> {
    const existing = row.cardKey ? await this.stored(row.cardKey) : undefined;
    const method = existing ? 'chat.update' : 'chat.postMessage';
    this.eventMethods.set(row.id, method);
    const paused = this.pausedUntil.get(method) ?? 0;
    if (paused > Date.now()) return { status: 'paused', untilMs: paused };
    const rendered = await this.opts.renderer.render({ kind: row.kind, payload: row.payload, asOf: row.asOf ?? row.createdAt, cardKey: row.cardKey, existing: Boolean(existing) });
    if ('skip' in rendered) return { status: 'skipped', reason: rendered.skip };
    if (!('message' in rendered)) return { status: 'failed', failure: { kind: 'permanent', detail: `${row.kind} drew a canvas for a message card` } };
    const message: RenderedMessage = rendered.message;
    const { gateway } = this.opts;
    const content = { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}), ...(message.metadata ? { metadata: message.metadata } : {}) };
    if (existing) {
      await this.waitTurn('chat.update');
      await gateway.updateMessage({ channel: existing.channel, ts: existing.ts, ...content });
      this.pacer('chat.update').sent();
      return { status: 'sent', channel: existing.channel, ts: existing.ts };
    }
    if (!message.channel) return { status: 'skipped', reason: 'an edit of a message that was never posted' };
    return this.post(message.channel, content, message.threadKey);
  }

  /** A canvas row: drawn section by section through the canvas methods, each paced to its tier. */
  private deliverCanvas(row: Row): Promise<Outcome> {
    return deliverCanvas({
      db: this.opts.db, gateway: this.opts.gateway, logger: this.opts.logger,
      render: (request) => this.opts.renderer.render(request),
      heldMs: (method) => Math.max(0, (this.pausedUntil.get(method) ?? 0) - Date.now(), this.tier(method)?.waitMs() ?? 0),
      call: async (method, fn) => {
        this.eventMethods.set(row.id, method);
        const paused = (this.pausedUntil.get(method) ?? 0) - Date.now();
        if (paused > 0) await sleep(paused);
        await this.waitTurn(method);
        const result = await fn();
        this.pacer(method).sent();
        return result;
      },
      kick: () => this.kick(),
    }, row);
  }

  private tier(method: string): TierWindow | undefined {
    const perMinute = METHOD_TIERS[method];
    if (!perMinute) return undefined;
    let tier = this.tiers.get(method);
    if (!tier) this.tiers.set(method, (tier = new TierWindow(perMinute)));
    return tier;
  }

  /** Posts a new message, in the thread of the card `threadKey` when given (once that card is in Slack). */
  private async post(channel: string, content: { text: string; blocks?: unknown[]; metadata?: MessageMetadata }, threadKey?: string): Promise<Outcome> {
    let threadTs: string | undefined;
    if (threadKey) {
      const parent = await this.stored(threadKey);
      if (!parent) return { status: 'waiting', detail: `waiting for ${threadKey} to be posted` };
      threadTs = parent.ts;
    }
    await this.waitTurn('chat.postMessage');
    const res = await this.opts.gateway.postMessage({ channel, ...content, ...(threadTs ? { threadTs } : {}) });
    this.pacer('chat.postMessage').sent();
    return { status: 'sent', ...res };
  }

  /** The Slack method a row calls: fixed by its kind for finished messages, by its card's state for events. */
  private methodOf(row: Row): string {
    return this.eventMethods.get(row.id) ?? (row.kind === 'slack.update.v1' ? 'chat.update' : 'chat.postMessage');
  }

  private pacer(method: string): MethodPacer {
    let pacer = this.pacers.get(method);
    if (!pacer) this.pacers.set(method, (pacer = new MethodPacer()));
    return pacer;
  }

  private async waitTurn(method: string): Promise<void> {
    const tier = this.tier(method);
    const full = tier?.waitMs() ?? 0;
    if (full > 0) await sleep(full);
    const wait = this.pacer(method).reserve();
    if (wait > 0) await sleep(wait);
    tier?.record();
  }

  private async stored(key: string) {
    const [row] = await this.opts.db.select().from(slackMessages).where(eq(slackMessages.key, key));
    return row;
  }

  private async dueSoon(deadline: number): Promise<Date | null> {
    const [row] = await this.opts.db.select({ at: sql<Date>`min(${outboxMessages.nextAttemptAt})`.mapWith(outboxMessages.nextAttemptAt) })
      .from(outboxMessages).where(inArray(outboxMessages.status, ['pending', 'sending']));
    const at = row?.at ?? null;
    return at && at.getTime() < deadline ? at : null;
  }

  /** For the metrics endpoint: how much is waiting and for how long. */
  async health(): Promise<{ depth: number; oldestAgeSeconds: number; dead: number; blocked: boolean }> {
    const [row] = await this.opts.db.select({
      depth: sql<number>`count(*) filter (where ${outboxMessages.status} in ('pending', 'sending'))::int`,
      oldest: sql<string | null>`min(${outboxMessages.createdAt}) filter (where ${outboxMessages.status} in ('pending', 'sending'))`,
      dead: sql<number>`count(*) filter (where ${outboxMessages.status} = 'dead')::int`,
    }).from(outboxMessages);
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
    return { depth: row?.depth ?? 0, dead: row?.dead ?? 0, blocked: this.appBlock.blocked, oldestAgeSeconds: oldest ? Math.max(0, (this.clock().getTime() - oldest) / 1000) : 0 };
  }

  /** Time left of the shortest pause in force, or undefined when no method is paused. */
  private pauseRemainingMs(): number | undefined {
    const left = [...this.pausedUntil.values()].map((until) => until - Date.now()).filter((ms) => ms > 0);
    return left.length ? Math.min(...left) : undefined;
  }

  /** Every outbox row ever written, whatever its state: the CLI counts what one run queued by the difference. */
  async totalCount(): Promise<number> {
    const [row] = await this.opts.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages);
    return row?.n ?? 0;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.opts.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(inArray(outboxMessages.status, ['pending', 'sending']));
    return row?.n ?? 0;
  }
}

const METHOD_OF_KIND = { 'slack.post.v1': 'chat.postMessage', 'slack.update.v1': 'chat.update' } as const;
const KINDS = Object.keys(METHOD_OF_KIND) as (keyof typeof METHOD_OF_KIND)[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
