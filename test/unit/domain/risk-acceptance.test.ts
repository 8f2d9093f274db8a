import { describe, expect, it } from 'vitest';
import { acceptanceNotice, acceptanceNoticeAt, riskAcceptanceRefusal } from '../../../src/domain/risk-acceptance.js';

const at = (s: string) => new Date(s);
const from = at('2026-01-01T00:00:00Z');
const until = at('2026-01-11T00:00:00Z');

describe('the 80% notice of a risk acceptance', () => {
  it('falls when 80% of the period has elapsed', () => {
    expect(acceptanceNoticeAt(from, until)).toEqual(at('2026-01-09T00:00:00Z'));
  });

  it.each([
    ['just before 80%', '2026-01-08T23:59:59Z', 'none'],
    ['at exactly 80%', '2026-01-09T00:00:00Z', 'notify'],
    ['between 80% and expiry', '2026-01-10T12:00:00Z', 'notify'],
    ['at expiry, when the ladder takes over', '2026-01-11T00:00:00Z', 'none'],
  ])('is %s: %s → %s', (_label, now, kind) => {
    expect(acceptanceNotice({ acceptedAt: from, acceptedUntil: until, now: at(now) }).kind).toBe(kind);
  });

  it('says how many days are left, rounded up', () => {
    const notice = acceptanceNotice({ acceptedAt: from, acceptedUntil: until, now: at('2026-01-09T06:00:00Z') });
    expect(notice).toMatchObject({ kind: 'notify', daysLeft: 2 });
    expect(notice.reason).toMatch(/80% of the acceptance period has elapsed/);
  });

  it('refuses a fraction outside (0, 1)', () => {
    expect(() => acceptanceNoticeAt(from, until, 1)).toThrow(RangeError);
  });
});

describe('which risks may be accepted', () => {
  it('never a prohibited practice, which can only be stopped', () => {
    expect(riskAcceptanceRefusal('prohibited')).toMatch(/Art\. 5 cannot be accepted/);
  });

  it.each(['high', 'transparency', 'minimal'])('a %s-tier risk', (tier) => {
    expect(riskAcceptanceRefusal(tier)).toBeNull();
  });
});
