import type { Logger } from 'pino';
import type { DeliveryFailure } from '../slack/gateway.js';
import { outboxMetrics } from './metrics.js';

/** What /healthz says of the outbox. */
export type AppBlockReport =
  | { blocked: false }
  | { blocked: true; reason: string; since: string; nextProbeAt: string };

export interface AppBlockOptions {
  logger: Logger;
  now: () => number;
}

/** The first probe waits this long; each failed one doubles the wait, up to MAX_PROBE_MS. */
const FIRST_PROBE_MS = 5_000;
const MAX_PROBE_MS = 5 * 60_000;

/**
 * The outbox's stop sign for faults of the app rather than of one message (a revoked token, a removed
 * app, a workspace in migration). Every message would fail alike, so none is tried or spent: the
 * dispatcher claims nothing while blocked, and a probe (`auth.test`) on a backoff decides when to try again.
 *
 * An episode runs from the first refusal to the first message that gets through: it is logged, counted
 * and backed off as one, even when a probe passes and the next delivery is refused again (`auth.test`
 * needs no scope, so it passes while `missing_scope` still holds). Each process keeps its own state.
 */
export class AppBlock {
  private reason: string | undefined;
  private nextProbeAt = 0;
  private probeDelayMs = FIRST_PROBE_MS;
  private episode: { reason: string; since: number } | undefined;
  private probing: Promise<boolean> | undefined;

  constructor(private readonly opts: AppBlockOptions) {}

  get blocked(): boolean {
    return this.reason !== undefined;
  }

  /** Why Slack refuses the app, while it does. */
  get blockedBy(): string | undefined {
    return this.reason;
  }

  report(): AppBlockReport {
    if (this.reason === undefined) return { blocked: false };
    return { blocked: true, reason: this.reason, since: new Date(this.episode?.since ?? this.opts.now()).toISOString(), nextProbeAt: new Date(this.nextProbeAt).toISOString() };
  }

  /** A delivery was refused for the whole app: stop sending until a probe passes. */
  block(reason: string): void {
    if (!this.blocked) this.scheduleProbe();
    this.reason = reason;
    if (this.episode) return;
    this.episode = { reason, since: this.opts.now() };
    outboxMetrics.blocks.inc();
    this.opts.logger.error({ reason }, `Slack refuses the app itself (${reason}): the outbox sends nothing and keeps every message queued until Slack accepts the app again; check SLACK_BOT_TOKEN and that the app is still installed`);
  }

  /**
   * May the dispatcher claim rows now? Yes when not blocked; while blocked, only once a due probe passes.
   * Concurrent callers share one probe.
   */
  async mayClaim(probe: () => Promise<DeliveryFailure | null>): Promise<boolean> {
    if (!this.blocked) return true;
    if (this.opts.now() < this.nextProbeAt) return false;
    this.probing ??= this.runProbe(probe).finally(() => { this.probing = undefined; });
    return this.probing;
  }

  /** A message got through: the episode is over, and the next one starts from the first, short probe wait. */
  delivered(): void {
    if (!this.episode || this.blocked) return;
    const blockedForSeconds = Math.round((this.opts.now() - this.episode.since) / 1000);
    this.opts.logger.info({ reason: this.episode.reason, blockedForSeconds }, 'Slack accepts the app again: the outbox is delivering');
    this.episode = undefined;
    this.probeDelayMs = FIRST_PROBE_MS;
  }

  private async runProbe(probe: () => Promise<DeliveryFailure | null>): Promise<boolean> {
    const failure = await probe().catch((err: unknown): DeliveryFailure => ({ kind: 'transient', detail: err instanceof Error ? err.message : String(err) }));
    if (!failure) {
      // Let deliveries try; the episode ends only when one gets through.
      this.reason = undefined;
      return true;
    }
    // A new app-wide reason replaces the old; Slack being unreachable says nothing about the token.
    if (failure.kind === 'app_blocked') this.reason = failure.detail;
    this.scheduleProbe();
    this.opts.logger.debug({ reason: this.reason, probe: failure.detail, nextProbeInMs: this.nextProbeAt - this.opts.now() }, 'outbox still blocked');
    return false;
  }

  private scheduleProbe(): void {
    this.nextProbeAt = this.opts.now() + this.probeDelayMs;
    this.probeDelayMs = Math.min(MAX_PROBE_MS, this.probeDelayMs * 2);
  }
}
