// Ladder thresholds are elapsed 24-hour days, so DST never shortens or lengthens a grace period.
const DAY_MS = 86_400_000;

export interface EscalationPolicy {
  /** Days after the due instant during which only the owner is reminded. */
  graceDays: number;
  /** Days after the due instant from which the governance forum's admins are called in. */
  secondLevelDays: number;
}

export const DEFAULT_ESCALATION_POLICY: Readonly<EscalationPolicy> = Object.freeze({ graceDays: 7, secondLevelDays: 21 });

export interface EscalationInput {
  dueAt: Date;
  now: Date;
  /** Muted until this instant (exclusive). A snooze mutes the ladder; it does not move the due date. */
  snoozedUntil?: Date | null;
  resolved: boolean;
  /** A risk acceptance holds the ladder until this instant (exclusive); after it the ladder restarts from it. */
  acceptedUntil?: Date | null;
  policy: EscalationPolicy;
}

export type EscalationDecision =
  | { kind: 'none'; reason: string }
  | { kind: 'remind'; countedFrom: Date; reason: string }
  | { kind: 'escalate'; level: 1 | 2; countedFrom: Date; reason: string };

/** The rungs of the ladder, lowest first. Stored as-is in the record of what was posted. */
export const ESCALATION_STEPS = ['remind', 'level_1', 'level_2'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

export interface ReachedStep {
  step: EscalationStep;
  /** The instant the step's threshold was crossed. */
  reachedAt: Date;
}

export interface LadderPosition {
  /**
   * The instant the ladder counts from: the due date, or the expiry of a risk acceptance that ran past it.
   * An acceptance that expires starts a new round of the ladder, so callers key "already posted" records
   * on (item, countedFrom, step).
   */
  countedFrom: Date;
  /** Every step whose threshold has been crossed, lowest first; empty while the item is held. */
  reached: ReachedStep[];
  /** The one step to post now: the highest reached step not yet posted, if it is above everything posted. */
  post: ReachedStep | null;
  /** Reached steps not yet posted that `post` (or a higher step already posted) makes pointless to send. */
  superseded: ReachedStep[];
  reason: string;
}

/**
 * Boundaries: each step starts at its threshold instant and the threshold instant itself belongs to the
 * higher step. With the default policy and d = now − countedFrom:
 *   d < 0          none (not yet due)
 *   0 ≤ d < 7 days remind the owner (day 0 to day 6)
 *   7 ≤ d < 21     level 1, governance channel (from exactly 7 × 24 h after due)
 *   21 ≤ d         level 2, governance channel mentioning admins
 */
export function levelsReached(input: EscalationInput & { alreadyPosted?: readonly EscalationStep[] }): LadderPosition {
  assertPolicy(input.policy);
  const { now, policy } = input;
  const countedFrom = ladderStart(input);
  const held = holdReason(input, countedFrom);
  if (held !== null) return { countedFrom, reached: [], post: null, superseded: [], reason: held() };

  const thresholds: Record<EscalationStep, number> = { remind: 0, level_1: policy.graceDays, level_2: policy.secondLevelDays };
  const reached = ESCALATION_STEPS.map((step) => ({ step, reachedAt: new Date(countedFrom.getTime() + thresholds[step] * DAY_MS) }))
    .filter((s) => s.reachedAt.getTime() <= now.getTime());

  const posted = new Set(input.alreadyPosted ?? []);
  const highestPosted = Math.max(-1, ...[...posted].map(rank));
  const unposted = reached.filter((s) => !posted.has(s.step));
  const top = unposted.at(-1);
  const post = top !== undefined && rank(top.step) > highestPosted ? top : null;
  const superseded = unposted.filter((s) => s !== post);

  return {
    countedFrom, reached, post, superseded,
    // Worded on demand: a sweep places tens of thousands of items on the ladder and reads few reasons.
    get reason() {
      const highest = reached.at(-1);
      const where = highest === undefined ? '' : describeStep(highest.step, input, countedFrom);
      const what =
        post !== null
          ? superseded.length > 0
            ? ` Post ${post.step} only; ${superseded.map((s) => s.step).join(', ')} ${superseded.length === 1 ? 'is' : 'are'} superseded.`
            : ` Post ${post.step}.`
          : ' Nothing new to post.';
      return where + what;
    },
  };
}

/** The single outcome for `now`: the highest step reached, regardless of what was posted before. */
export function decideEscalation(input: EscalationInput): EscalationDecision {
  const position = levelsReached(input);
  const highest = position.reached.at(-1);
  if (highest === undefined) return { kind: 'none', reason: position.reason };
  const { countedFrom } = position;
  const reason = describeStep(highest.step, input, countedFrom);
  switch (highest.step) {
    case 'remind':
      return { kind: 'remind', countedFrom, reason };
    case 'level_1':
      return { kind: 'escalate', level: 1, countedFrom, reason };
    case 'level_2':
      return { kind: 'escalate', level: 2, countedFrom, reason };
  }
}

function rank(step: EscalationStep): number {
  return ESCALATION_STEPS.indexOf(step);
}

/**
 * The instant the ladder counts from: the due date, or the end of a risk acceptance that ran past it.
 * An acceptance that ended before the due date changes nothing: the item was not yet overdue then.
 */
export function ladderStart({ dueAt, acceptedUntil }: Pick<EscalationInput, 'dueAt' | 'acceptedUntil'>): Date {
  return acceptedUntil != null && acceptedUntil.getTime() > dueAt.getTime() ? acceptedUntil : dueAt;
}

/** Why the ladder is held, worded when asked; null when it is not held. */
function holdReason(input: EscalationInput, countedFrom: Date): (() => string) | null {
  const now = input.now.getTime();
  if (input.resolved) return () => 'Resolved: nothing to remind or escalate.';
  const { acceptedUntil, snoozedUntil } = input;
  if (acceptedUntil != null && acceptedUntil.getTime() > now) {
    return () => `Risk accepted until ${iso(acceptedUntil)}: no reminders or escalations until the acceptance expires.`;
  }
  if (snoozedUntil != null && snoozedUntil.getTime() > now) {
    return () => `Snoozed until ${iso(snoozedUntil)}: reminders and escalations resume then, counted from the original due date.`;
  }
  if (countedFrom.getTime() > now) return () => `Not due until ${iso(countedFrom)}.`;
  return null;
}

function describeStep(step: EscalationStep, input: EscalationInput, countedFrom: Date): string {
  const { policy } = input;
  const days = Math.floor((input.now.getTime() - countedFrom.getTime()) / DAY_MS);
  const since =
    countedFrom.getTime() === input.dueAt.getTime()
      ? `Due since ${iso(countedFrom)}`
      : `The risk acceptance expired on ${iso(countedFrom)}`;
  const age = `${days} ${days === 1 ? 'day' : 'days'} ago`;
  switch (step) {
    case 'remind':
      return `${since} (${age}, within the ${policy.graceDays}-day grace period): remind the owner.`;
    case 'level_1':
      return `${since} (${age}, past the ${policy.graceDays}-day grace period): escalate to the governance channel.`;
    case 'level_2':
      return `${since} (${age}, ${policy.secondLevelDays} days or more): escalate to the governance forum's admins.`;
  }
}

function assertPolicy({ graceDays, secondLevelDays }: EscalationPolicy): void {
  if (!Number.isFinite(graceDays) || !Number.isFinite(secondLevelDays) || graceDays < 0 || secondLevelDays <= graceDays) {
    throw new RangeError(
      `escalation policy needs 0 ≤ graceDays < secondLevelDays (got graceDays ${graceDays}, secondLevelDays ${secondLevelDays})`,
    );
  }
}

function iso(at: Date): string {
  return at.toISOString();
}
