/** How long a fitted spacing holds after a 429 before success may relax it. */
const HOLD_AFTER_429_MS = 10 * 60_000;

/**
 * Paces calls to one Slack method so the dispatcher settles just under the rate Slack allows instead of
 * bursting into 429s and waiting out each Retry-After. After a 429 with Retry-After r it counts what
 * Slack accepted over the last max(r, 1) seconds and spaces calls so that count fits the window with a
 * 2% margin. That spacing holds while the 429 is recent: loosening it at once would only walk back into
 * the limit and pay another Retry-After (a second each time in a test, up to a minute with Slack's
 * per-minute windows). Once no 429 has come for a while, steady success slowly relaxes it, so a
 * temporary squeeze does not last.
 */

export class MethodPacer {
  private intervalMs = 0;
  private nextSlotMs = 0;
  private sentAt: number[] = [];
  private sinceAdjust = 0;
  private limitedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** How long to wait before the next call may go (0 when it may go now); reserves the slot. */
  reserve(): number {
    const now = this.now();
    const at = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = at + this.intervalMs;
    return at - now;
  }

  sent(): void {
    const now = this.now();
    this.sentAt.push(now);
    // Keep a minute of history: Retry-After is seconds, and the window we size by is at most that.
    while (this.sentAt.length && this.sentAt[0]! < now - 60_000) this.sentAt.shift();
    // Relax slowly (2% per 1,000 accepted calls), and only long after the last 429: probing upward costs
    // a 429 and its Retry-After.
    if (this.intervalMs > 0 && now - this.limitedAt >= HOLD_AFTER_429_MS && ++this.sinceAdjust >= 1000) {
      this.sinceAdjust = 0;
      this.intervalMs = this.intervalMs * 0.98 < 1 ? 0 : this.intervalMs * 0.98;
    }
  }

  rateLimited(retryAfterSeconds: number): void {
    const now = this.now();
    const windowMs = 1000 * Math.max(retryAfterSeconds, 1);
    const accepted = this.sentAt.filter((t) => t >= now - windowMs).length;
    const fitted = accepted > 0 ? windowMs / (0.98 * accepted) : windowMs;
    this.intervalMs = Math.max(this.intervalMs, fitted);
    this.nextSlotMs = Math.max(this.nextSlotMs, now + windowMs);
    this.sinceAdjust = 0;
    this.limitedAt = now;
  }

  get spacingMs(): number {
    return this.intervalMs;
  }
}

/**
 * Slack's published rate tier of a method, per minute ("Tier 2: 20+ per minute", "Tier 3: 50+ per minute":
 * https://docs.slack.dev/apis/web-api/rate-limits). Only methods whose volume can run high are listed; the
 * canvases of a large register are thousands of calls.
 */
export const METHOD_TIERS: Readonly<Record<string, number>> = {
  'conversations.canvases.create': 20,
  'canvases.create': 20,
  'canvases.edit': 50,
  'canvases.sections.lookup': 50,
  'canvases.access.set': 50,
};

/**
 * Keeps a method within its tier: at most `perMinute` calls in any 60 seconds. Bursts up to the tier go at
 * once (a few canvases are drawn without delay); a long run settles at the tier instead of meeting 429s.
 */
export class TierWindow {
  private calls: number[] = [];

  constructor(private readonly perMinute: number, private readonly now: () => number = () => Date.now()) {}

  /** Milliseconds until another call fits the window (0: now). */
  waitMs(): number {
    const now = this.now();
    this.calls = this.calls.filter((t) => t > now - 60_000);
    return this.calls.length < this.perMinute ? 0 : this.calls[0]! + 60_000 - now;
  }

  record(): void {
    this.calls.push(this.now());
  }
}
