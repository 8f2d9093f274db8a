import { describe, expect, it } from 'vitest';
import { LEGAL_DATES, legalDate, type LegalDateId } from '../../../src/domain/catalog/index.js';
import {
  type ApplicationDate,
  DEADLINE_KINDS,
  EU_AI_ACT_DATES,
  INCIDENT_SEVERITIES,
  seriousIncidentReportDeadline,
  upcomingApplicationDates,
} from '../../../src/domain/statutory-deadlines.js';

describe('seriousIncidentReportDeadline', () => {
  const awareAt = new Date('2026-09-10T16:45:12.345Z');

  it.each([
    { severity: 'general', ref: 'Art. 73(2)', days: 15, dueAt: '2026-09-25T16:45:12.345Z' },
    { severity: 'critical_infrastructure', ref: 'Art. 73(3)', days: 2, dueAt: '2026-09-12T16:45:12.345Z' },
    { severity: 'widespread_infringement', ref: 'Art. 73(3)', days: 2, dueAt: '2026-09-12T16:45:12.345Z' },
    { severity: 'death', ref: 'Art. 73(4)', days: 10, dueAt: '2026-09-20T16:45:12.345Z' },
  ] as const)('gives a $severity incident $days days under $ref', ({ severity, ref, days, dueAt }) => {
    const deadline = seriousIncidentReportDeadline({ awareAt, severity });
    expect(deadline).toMatchObject({ kind: 'statutory', ref });
    expect(deadline.dueAt.toISOString()).toBe(dueAt);
    expect(deadline.reason).toContain(`EU AI Act ${ref}`);
    expect(deadline.reason).toContain(`not later than ${days} days after becoming aware`);
    expect(deadline.reason).toContain('immediately');
    expect(deadline.reason).toContain('legal deadline, not a review cycle');
  });

  it('covers every severity', () => {
    expect(INCIDENT_SEVERITIES).toEqual(['general', 'critical_infrastructure', 'widespread_infringement', 'death']);
  });

  it('names critical infrastructure disruption as the Art. 3(49)(b) case', () => {
    expect(seriousIncidentReportDeadline({ awareAt, severity: 'critical_infrastructure' }).reason).toContain('Art. 3(49)(b)');
  });

  it('counts elapsed 24-hour days, so a DST change in the window does not move the instant', () => {
    const aware = new Date('2026-10-20T10:00:00.000Z');
    expect(seriousIncidentReportDeadline({ awareAt: aware, severity: 'general' }).dueAt.toISOString()).toBe('2026-11-04T10:00:00.000Z');
  });

  it('labels deadlines as statutory, one of the two kinds of date', () => {
    expect(DEADLINE_KINDS).toEqual(['statutory', 'review_cycle']);
  });
});

describe('EU_AI_ACT_DATES', () => {
  it('holds the in-force dates of the dates table, in order, and none of the superseded originals', () => {
    expect(EU_AI_ACT_DATES).toHaveLength(LEGAL_DATES.filter((d) => d.status === 'in_force' && d.law === 'eu-ai-act').length);
    const days = EU_AI_ACT_DATES.map((d) => d.date);
    expect(days).toEqual([...days].sort());
    for (const d of EU_AI_ACT_DATES) expect(legalDate(d.id as LegalDateId).status).toBe('in_force');
  });

  it.each([
    { id: 'd-2025-02-02-ch-i-ii', date: '2025-02-02' },
    { id: 'd-2026-08-02-general', date: '2026-08-02' },
    { id: 'd-2026-12-02-art5-new', date: '2026-12-02' },
    { id: 'd-2027-12-02-annex-iii', date: '2027-12-02' },
    { id: 'd-2028-08-02-annex-i', date: '2028-08-02' },
  ])('lists $id on $date', ({ id, date }) => {
    expect(EU_AI_ACT_DATES).toContainEqual(expect.objectContaining({ id, date }));
  });

  it.each(['d-2026-08-02-annex-iii-original', 'd-2027-08-02-annex-i-original'])('leaves out the superseded %s', (id) => {
    expect(EU_AI_ACT_DATES.map((d) => d.id)).not.toContain(id);
  });
});

describe('upcomingApplicationDates', () => {
  const generalDate = '2026-08-02';
  const listed = (now: string, withinDays: number) => upcomingApplicationDates(new Date(now), withinDays).map((d) => `${d.date} ${d.id}`);

  it.each([
    { label: 'a date 31 days away is outside a 30-day window', now: '2026-07-02T00:00:00.000Z', withinDays: 30, included: false },
    { label: 'a date exactly 30 days away is inside a 30-day window', now: '2026-07-03T00:00:00.000Z', withinDays: 30, included: true },
    { label: 'the last day of the window counts all day', now: '2026-07-03T23:59:59.999Z', withinDays: 30, included: true },
    { label: 'the date itself is listed from its first millisecond', now: '2026-08-02T00:00:00.000Z', withinDays: 0, included: true },
    { label: 'the date itself is listed until its last millisecond', now: '2026-08-02T23:59:59.999Z', withinDays: 0, included: true },
    { label: 'the day after, the date is past', now: '2026-08-03T00:00:00.000Z', withinDays: 30, included: false },
  ])('$label', ({ now, withinDays, included }) => {
    expect(listed(now, withinDays).some((l) => l.startsWith(generalDate))).toBe(included);
  });

  it('lists every in-force date in the window, earliest first, including two on the same day, and never a superseded one', () => {
    expect(listed('2026-12-06T08:00:00.000Z', 400)).toEqual([
      '2027-01-01 co-d-2027-01-01-ag-rules-due',
      '2027-01-01 co-d-2027-01-01-effective',
      '2027-08-01 d-2027-08-01-art96-1-g-guidelines',
      '2027-08-02 d-2027-08-02-gpai-legacy',
      '2027-08-02 d-2027-08-02-sandboxes',
      '2027-08-02 d-2027-08-02-art2-13-delegated-acts',
      '2027-09-02 d-2027-09-02-art72-3-guidance',
      '2027-12-02 d-2027-12-02-annex-iii',
    ]);
  });

  it('lists Colorado SB 26-189 taking effect as a date set by law', () => {
    const effective = upcomingApplicationDates(new Date('2026-12-06T08:00:00.000Z'), 30).find((d) => d.id === 'co-d-2027-01-01-effective');
    expect(effective?.reason).toMatch(/^Colorado SB 26-189 .* applies in 26 days \(1 Jan 2027\)/);
  });

  it('says where an amendment moved a date from', () => {
    const annexIII = upcomingApplicationDates(new Date('2027-12-01T09:00:00.000Z'), 5).find((d) => d.id === 'd-2027-12-02-annex-iii');
    expect(annexIII?.reason).toContain('applies tomorrow (2 Dec 2027 (moved from 2 Aug 2026 by Regulation (EU) 2026/1744))');
  });

  it('lists nothing once every date has passed', () => {
    expect(listed('2031-01-01T00:00:00.000Z', 3650)).toEqual([]);
  });

  it('labels each date as statutory and says how far away it is', () => {
    const [first] = upcomingApplicationDates(new Date('2026-07-31T15:00:00.000Z'), 5);
    expect(first).toMatchObject({
      id: 'd-2026-08-02-general',
      date: '2026-08-02',
      kind: 'statutory',
      daysUntil: 2,
      appliesAt: new Date('2026-08-02T00:00:00.000Z'),
    });
    expect(first?.reason).toMatch(/^EU AI Act Art\. 113, second paragraph applies in 2 days \(2 Aug 2026\): General date of application/);
    expect(first?.reason).toContain('This is a date set by law, not a review cycle.');
  });

  it.each([
    { now: '2026-08-02T10:00:00.000Z', words: 'applies today' },
    { now: '2026-08-01T23:00:00.000Z', words: 'applies tomorrow' },
  ])('says "$words" close to the date', ({ now, words }) => {
    expect(upcomingApplicationDates(new Date(now), 1)[0]?.reason).toContain(words);
  });

  it('takes the list of dates as data', () => {
    const dates: ApplicationDate[] = [
      { id: 'b', date: '2026-02-01', event: 'B', ref: 'b' },
      { id: 'a', date: '2026-01-15', event: 'A', ref: 'a' },
      { id: 'p', date: '2025-12-31', event: 'past', ref: 'p' },
    ];
    const refs = (withinDays: number) => upcomingApplicationDates(new Date('2026-01-01T00:00:00.000Z'), withinDays, dates).map((d) => d.ref);
    expect(refs(30)).toEqual(['a']);
    expect(refs(31)).toEqual(['a', 'b']);
  });

  it.each([-1, 1.5, Number.NaN])('rejects a window of %s days', (withinDays) => {
    expect(() => upcomingApplicationDates(new Date('2026-01-01T00:00:00.000Z'), withinDays)).toThrow(RangeError);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => upcomingApplicationDates(new Date(), 1, [{ id: 'x', date: '2 August 2026', event: 'x', ref: 'x' }])).toThrow(RangeError);
  });
});
