// What the next matching call gets instead of a normal answer. `delayMs` may be
// combined with any of the others, or given alone to slow a call down.
export type Fault =
  | { status: 429; retryAfter?: number | null; delayMs?: number }
  | { status: 404 | 500 | 502 | 503 | 504; delayMs?: number }
  | { error: string; delayMs?: number }
  | { delayMs: number };

// A fault target is a Web API method name, '*' for every method, or
// 'response_url' for posts to response URLs.
interface QueuedFault {
  target: string;
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  #queued: QueuedFault[] = [];

  add(target: string, fault: Fault, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext times must be a positive integer, got ${times}`);
    this.#queued.push({ target, fault, remaining: times });
  }

  // First queued fault wins, so faults for one method are served in the order they were added.
  take(target: string): Fault | undefined {
    const match = this.#queued.find((q) => q.target === target || (q.target === '*' && target !== 'response_url'));
    if (!match) return undefined;
    match.remaining -= 1;
    if (match.remaining === 0) this.#queued = this.#queued.filter((q) => q !== match);
    return match.fault;
  }

  clear(): void {
    this.#queued = [];
  }
}

export interface RateLimitOptions {
  // Count each channel separately, like chat.postMessage's ~1 message per second per channel.
  perChannel?: boolean;
  // Length of the sliding window, default one minute. A shorter window keeps the same rate
  // (perMinute scaled to it) so a benchmark can run past several windows in seconds.
  windowMs?: number;
}

interface Limit {
  allowance: number;
  windowMs: number;
  perChannel: boolean;
  acceptedAt: Map<string, number[]>;
}

const WINDOW_MS = 60_000;

// Sliding one-minute window per method (and channel). Calls refused with 429
// do not count, as with Slack: only accepted calls use up the allowance.
export class RateLimiter {
  #limits = new Map<string, Limit>();

  set(method: string, perMinute: number, { perChannel = false, windowMs = WINDOW_MS }: RateLimitOptions = {}): void {
    if (!(perMinute > 0)) throw new Error(`limit perMinute must be positive, got ${perMinute}`);
    if (!(windowMs > 0)) throw new Error(`limit windowMs must be positive, got ${windowMs}`);
    const allowance = Math.max(1, Math.round((perMinute * windowMs) / WINDOW_MS));
    this.#limits.set(method, { allowance, windowMs, perChannel, acceptedAt: new Map() });
  }

  remove(method?: string): void {
    if (method === undefined) this.#limits.clear();
    else this.#limits.delete(method);
  }

  // Returns the seconds to wait (for Retry-After) when over the limit, otherwise records the call.
  check(method: string, channel: unknown, now: number): number | undefined {
    const limit = this.#limits.get(method);
    if (!limit) return undefined;
    const key = limit.perChannel ? String(channel ?? '') : '';
    const recent = (limit.acceptedAt.get(key) ?? []).filter((at) => at > now - limit.windowMs);
    limit.acceptedAt.set(key, recent);
    if (recent.length >= limit.allowance) {
      // A slot frees up when the call that filled the window's first slot leaves it.
      const freesSlot = recent[recent.length - limit.allowance] ?? now;
      return Math.max(1, Math.ceil((freesSlot + limit.windowMs - now) / 1000));
    }
    recent.push(now);
    return undefined;
  }
}
