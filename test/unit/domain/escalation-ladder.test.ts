import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ESCALATION_POLICY,
  decideEscalation,
  type EscalationInput,
  type EscalationStep,
  levelsReached,
} from '../../../src/domain/escalation-ladder.js';

const DAY = 86_400_000;
const dueAt = new Date('2026-03-02T09:00:00.000Z');
const afterDue = (ms: number) => new Date(dueAt.getTime() + ms);
const input = (now: Date, extra: Partial<EscalationInput> = {}): EscalationInput => ({
  dueAt,
  now,
  resolved: false,
  policy: DEFAULT_ESCALATION_POLICY,
  ...extra,
});
const summary = (d: ReturnType<typeof decideEscalation>) => (d.kind === 'escalate' ? `escalate ${d.level}` : d.kind);

describe('decideEscalation boundaries with the default policy (grace 7 days, second level 21 days)', () => {
  it.each([
    { label: '30 days before due', offset: -30 * DAY, expected: 'none' },
    { label: '1 ms before due', offset: -1, expected: 'none' },
    { label: 'day 0, exactly at due', offset: 0, expected: 'remind' },
    { label: 'day 0, 1 ms after due', offset: 1, expected: 'remind' },
    { label: 'day 6, exactly 6 days after due', offset: 6 * DAY, expected: 'remind' },
    { label: 'day 6, 1 ms before day 7', offset: 7 * DAY - 1, expected: 'remind' },
    { label: 'day 7, exactly 7 days after due', offset: 7 * DAY, expected: 'escalate 1' },
    { label: 'day 7, 1 ms later', offset: 7 * DAY + 1, expected: 'escalate 1' },
    { label: 'day 20, exactly 20 days after due', offset: 20 * DAY, expected: 'escalate 1' },
    { label: 'day 20, 1 ms before day 21', offset: 21 * DAY - 1, expected: 'escalate 1' },
    { label: 'day 21, exactly 21 days after due', offset: 21 * DAY, expected: 'escalate 2' },
    { label: 'day 21, 1 ms later', offset: 21 * DAY + 1, expected: 'escalate 2' },
    { label: 'day 365', offset: 365 * DAY, expected: 'escalate 2' },
  ])('on $label the outcome is $expected', ({ offset, expected }) => {
    expect(summary(decideEscalation(input(afterDue(offset))))).toBe(expected);
  });

  it('says in the reason who is told and how long it has been due', () => {
    const remind = decideEscalation(input(afterDue(3 * DAY)));
    expect(remind.reason).toMatch(/3 days ago.*7-day grace period.*remind the owner/);
    const level1 = decideEscalation(input(afterDue(8 * DAY)));
    expect(level1.reason).toMatch(/8 days ago.*past the 7-day grace period.*governance channel/);
    const level2 = decideEscalation(input(afterDue(30 * DAY)));
    expect(level2.reason).toMatch(/30 days ago.*admins/);
  });

  it('counts from the due date in its remind and escalate outcomes', () => {
    const decision = decideEscalation(input(afterDue(8 * DAY)));
    expect(decision).toMatchObject({ kind: 'escalate', level: 1, countedFrom: dueAt });
  });

  it('explains that nothing is due yet', () => {
    expect(decideEscalation(input(afterDue(-1)))).toEqual({ kind: 'none', reason: `Not due until ${dueAt.toISOString()}.` });
  });
});

describe('decideEscalation with a custom policy', () => {
  const policy = { graceDays: 3, secondLevelDays: 10 };

  it.each([
    { offset: 3 * DAY - 1, expected: 'remind' },
    { offset: 3 * DAY, expected: 'escalate 1' },
    { offset: 10 * DAY - 1, expected: 'escalate 1' },
    { offset: 10 * DAY, expected: 'escalate 2' },
  ])('uses the policy values passed in: $offset ms after due is $expected', ({ offset, expected }) => {
    expect(summary(decideEscalation(input(afterDue(offset), { policy })))).toBe(expected);
  });

  it('skips the reminder when the grace period is zero', () => {
    expect(summary(decideEscalation(input(dueAt, { policy: { graceDays: 0, secondLevelDays: 5 } })))).toBe('escalate 1');
  });

  it.each([
    { graceDays: -1, secondLevelDays: 21 },
    { graceDays: 7, secondLevelDays: 7 },
    { graceDays: 21, secondLevelDays: 7 },
    { graceDays: Number.NaN, secondLevelDays: 21 },
    { graceDays: 7, secondLevelDays: Number.POSITIVE_INFINITY },
  ])('rejects the policy grace $graceDays / second level $secondLevelDays', (bad) => {
    expect(() => decideEscalation(input(afterDue(DAY), { policy: bad }))).toThrow(RangeError);
  });
});

describe('decideEscalation holds', () => {
  it('does nothing once resolved, however overdue', () => {
    expect(decideEscalation(input(afterDue(100 * DAY), { resolved: true }))).toEqual({
      kind: 'none',
      reason: 'Resolved: nothing to remind or escalate.',
    });
  });

  it.each([
    { label: 'until a future date', snoozedUntil: afterDue(30 * DAY), expected: 'none' },
    { label: 'until 1 ms from now', snoozedUntil: afterDue(25 * DAY + 1), expected: 'none' },
    { label: 'until exactly now', snoozedUntil: afterDue(25 * DAY), expected: 'escalate 2' },
    { label: 'until a past date', snoozedUntil: afterDue(2 * DAY), expected: 'escalate 2' },
    { label: 'null', snoozedUntil: null, expected: 'escalate 2' },
  ])('when snoozed $label the outcome 25 days after due is $expected', ({ snoozedUntil, expected }) => {
    expect(summary(decideEscalation(input(afterDue(25 * DAY), { snoozedUntil })))).toBe(expected);
  });

  it('names the snooze end in the reason', () => {
    const until = afterDue(30 * DAY);
    expect(decideEscalation(input(afterDue(DAY), { snoozedUntil: until })).reason).toContain(`Snoozed until ${until.toISOString()}`);
  });

  it('resumes after a snooze counting from the original due date, not from the snooze end', () => {
    const decision = decideEscalation(input(afterDue(10 * DAY), { snoozedUntil: afterDue(9 * DAY) }));
    expect(decision).toMatchObject({ kind: 'escalate', level: 1, countedFrom: dueAt });
  });

  it('does nothing while a risk acceptance is still valid, and says until when', () => {
    const until = afterDue(60 * DAY);
    const decision = decideEscalation(input(afterDue(40 * DAY), { acceptedUntil: until }));
    expect(decision).toEqual({
      kind: 'none',
      reason: `Risk accepted until ${until.toISOString()}: no reminders or escalations until the acceptance expires.`,
    });
  });

  it('prefers "resolved" over an acceptance or a snooze in the reason', () => {
    const d = decideEscalation(input(afterDue(DAY), { resolved: true, acceptedUntil: afterDue(9 * DAY), snoozedUntil: afterDue(9 * DAY) }));
    expect(d.reason).toMatch(/^Resolved/);
  });

  it('prefers a valid acceptance over a snooze in the reason', () => {
    const d = decideEscalation(input(afterDue(DAY), { acceptedUntil: afterDue(9 * DAY), snoozedUntil: afterDue(9 * DAY) }));
    expect(d.reason).toMatch(/^Risk accepted/);
  });
});

describe('decideEscalation after a risk acceptance expires', () => {
  const expiry = afterDue(40 * DAY);
  const afterExpiry = (ms: number) => new Date(expiry.getTime() + ms);

  it.each([
    { label: '1 ms before expiry', offset: -1, expected: 'none' },
    { label: 'exactly at expiry (day 0)', offset: 0, expected: 'remind' },
    { label: 'day 6 after expiry', offset: 7 * DAY - 1, expected: 'remind' },
    { label: 'day 7 after expiry', offset: 7 * DAY, expected: 'escalate 1' },
    { label: 'day 20 after expiry', offset: 21 * DAY - 1, expected: 'escalate 1' },
    { label: 'day 21 after expiry', offset: 21 * DAY, expected: 'escalate 2' },
  ])('counts the ladder from the expiry: $label is $expected', ({ offset, expected }) => {
    expect(summary(decideEscalation(input(afterExpiry(offset), { acceptedUntil: expiry })))).toBe(expected);
  });

  it('names the expiry as the start of the count', () => {
    const decision = decideEscalation(input(afterExpiry(8 * DAY), { acceptedUntil: expiry }));
    expect(decision).toMatchObject({ kind: 'escalate', level: 1, countedFrom: expiry });
    expect(decision.reason).toContain(`The risk acceptance expired on ${expiry.toISOString()}`);
  });

  it('ignores an acceptance that expired before the item was even due', () => {
    const decision = decideEscalation(input(afterDue(8 * DAY), { acceptedUntil: afterDue(-5 * DAY) }));
    expect(decision).toMatchObject({ kind: 'escalate', level: 1, countedFrom: dueAt });
  });
});

describe('levelsReached', () => {
  const steps = (p: ReturnType<typeof levelsReached>) => ({
    reached: p.reached.map((s) => s.step),
    post: p.post?.step ?? null,
    superseded: p.superseded.map((s) => s.step),
  });

  it.each<{ label: string; offset: number; alreadyPosted: EscalationStep[]; reached: EscalationStep[]; post: EscalationStep | null; superseded: EscalationStep[] }>([
    { label: 'before due', offset: -1, alreadyPosted: [], reached: [], post: null, superseded: [] },
    { label: 'at due, nothing posted', offset: 0, alreadyPosted: [], reached: ['remind'], post: 'remind', superseded: [] },
    { label: 'day 6, reminder already posted', offset: 6 * DAY, alreadyPosted: ['remind'], reached: ['remind'], post: null, superseded: [] },
    { label: 'day 7, reminder posted', offset: 7 * DAY, alreadyPosted: ['remind'], reached: ['remind', 'level_1'], post: 'level_1', superseded: [] },
    {
      label: 'day 7 after a sweep outage, nothing posted',
      offset: 7 * DAY,
      alreadyPosted: [],
      reached: ['remind', 'level_1'],
      post: 'level_1',
      superseded: ['remind'],
    },
    {
      label: 'day 21 after weeks of outage, nothing posted',
      offset: 21 * DAY,
      alreadyPosted: [],
      reached: ['remind', 'level_1', 'level_2'],
      post: 'level_2',
      superseded: ['remind', 'level_1'],
    },
    {
      label: 'day 30, only the reminder posted',
      offset: 30 * DAY,
      alreadyPosted: ['remind'],
      reached: ['remind', 'level_1', 'level_2'],
      post: 'level_2',
      superseded: ['level_1'],
    },
    {
      label: 'day 30, everything posted',
      offset: 30 * DAY,
      alreadyPosted: ['remind', 'level_1', 'level_2'],
      reached: ['remind', 'level_1', 'level_2'],
      post: null,
      superseded: [],
    },
    {
      label: 'day 30, level 2 posted but level 1 never recorded',
      offset: 30 * DAY,
      alreadyPosted: ['level_2'],
      reached: ['remind', 'level_1', 'level_2'],
      post: null,
      superseded: ['remind', 'level_1'],
    },
  ])('on $label posts $post and supersedes $superseded', ({ offset, alreadyPosted, reached, post, superseded }) => {
    expect(steps(levelsReached({ ...input(afterDue(offset)), alreadyPosted }))).toEqual({ reached, post, superseded });
  });

  it('stamps each reached step with the instant its threshold was crossed', () => {
    const position = levelsReached(input(afterDue(22 * DAY)));
    expect(position.reached).toEqual([
      { step: 'remind', reachedAt: dueAt },
      { step: 'level_1', reachedAt: afterDue(7 * DAY) },
      { step: 'level_2', reachedAt: afterDue(21 * DAY) },
    ]);
    expect(position.countedFrom).toEqual(dueAt);
  });

  it('says what to post and what is superseded', () => {
    expect(levelsReached(input(afterDue(21 * DAY))).reason).toMatch(/Post level_2 only; remind, level_1 are superseded\.$/);
    expect(levelsReached({ ...input(afterDue(DAY)), alreadyPosted: ['remind'] }).reason).toMatch(/Nothing new to post\.$/);
  });

  it('reaches nothing while held, whatever was posted before', () => {
    const held = levelsReached({ ...input(afterDue(30 * DAY), { snoozedUntil: afterDue(31 * DAY) }), alreadyPosted: ['remind'] });
    expect(held).toMatchObject({ reached: [], post: null, superseded: [] });
    expect(held.reason).toMatch(/^Snoozed/);
  });

  it('starts a new round after an acceptance expires, so earlier posts are keyed to the old round', () => {
    const expiry = afterDue(40 * DAY);
    const position = levelsReached(input(new Date(expiry.getTime() + DAY), { acceptedUntil: expiry }));
    expect(position.countedFrom).toEqual(expiry);
    expect(position.post).toEqual({ step: 'remind', reachedAt: expiry });
  });

  it('agrees with decideEscalation on the highest step at every boundary', () => {
    for (const offset of [-1, 0, 7 * DAY - 1, 7 * DAY, 21 * DAY - 1, 21 * DAY]) {
      const highest = levelsReached(input(afterDue(offset))).reached.at(-1)?.step ?? 'none';
      const expected = { none: 'none', remind: 'remind', level_1: 'escalate 1', level_2: 'escalate 2' }[highest];
      expect(summary(decideEscalation(input(afterDue(offset))))).toBe(expected);
    }
  });
});
