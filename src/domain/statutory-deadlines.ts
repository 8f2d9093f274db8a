/**
 * PRODUCT.md: statutory deadlines (EU AI Act) and ISO review cycles are different kinds of date. A legal
 * deadline is owed to a regulator and cannot be moved by the governance forum; a review cycle is the
 * organisation's own policy. Every dated outcome says which one it is.
 */
export const DEADLINE_KINDS = ['statutory', 'review_cycle'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const INCIDENT_SEVERITIES = ['general', 'critical_infrastructure', 'widespread_infringement', 'death'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

// Elapsed 24-hour days: the same instant whatever time zone the deadline is later shown in.
const DAY_MS = 86_400_000;

export type IncidentReportRef = 'Art. 73(2)' | 'Art. 73(3)' | 'Art. 73(4)';

export interface IncidentReportDeadline {
  kind: 'statutory';
  dueAt: Date;
  ref: IncidentReportRef;
  reason: string;
}

interface Art73Rule {
  ref: IncidentReportRef;
  days: number;
  what: string;
}

// Regulation (EU) 2024/1689 Art. 73: the report is due immediately once a causal link (or its reasonable
// likelihood) is established, and in any event not later than these many days after awareness.
const ART_73_RULES: Record<IncidentSeverity, Art73Rule> = {
  general: { ref: 'Art. 73(2)', days: 15, what: 'a serious incident' },
  critical_infrastructure: {
    ref: 'Art. 73(3)',
    days: 2,
    what: 'a serious incident causing serious and irreversible disruption of critical infrastructure (Art. 3(49)(b))',
  },
  widespread_infringement: { ref: 'Art. 73(3)', days: 2, what: 'a widespread infringement' },
  death: { ref: 'Art. 73(4)', days: 10, what: 'a serious incident involving the death of a person' },
};

/**
 * The latest date a provider may report a serious incident to the market surveillance authority.
 *
 * Days are counted as whole 24-hour periods from the moment of awareness. Regulation (EEC, Euratom)
 * No 1182/71 starts a period in days on the day after the event and ends it at the close of its last day,
 * so this date comes up to a day earlier than the legal limit: the product errs on the side of reporting
 * early, and the Article asks for "immediately" anyway.
 */
export function seriousIncidentReportDeadline(input: { awareAt: Date; severity: IncidentSeverity }): IncidentReportDeadline {
  const rule = ART_73_RULES[input.severity];
  const dueAt = new Date(input.awareAt.getTime() + rule.days * DAY_MS);
  return {
    kind: 'statutory',
    dueAt,
    ref: rule.ref,
    reason:
      `EU AI Act ${rule.ref}: ${rule.what} must be reported to the market surveillance authority immediately, ` +
      `and not later than ${rule.days} days after becoming aware of it (by ${dueAt.toISOString()}). ` +
      'This is a legal deadline, not a review cycle.',
  };
}

export interface ApplicationDate {
  /** Calendar date as written in the Regulation, `YYYY-MM-DD`. */
  date: string;
  event: string;
  ref: string;
}

export const EU_AI_ACT_DATES_SOURCE =
  'Regulation (EU) 2024/1689 (Artificial Intelligence Act), OJ L, 2024/1689, 12.7.2024, Art. 111 and Art. 113; ' +
  'copied from the project reference catalogue eu-ai-act.json "dates"';

/**
 * The Regulation's dates as published. A "Digital Omnibus on AI" amending act (COM(2025) 820) was reported to
 * move the Annex III and Annex I dates; it is not in the Official Journal as far as this list knows, so the
 * published dates stand until this list is updated from EUR-Lex.
 */
export const EU_AI_ACT_DATES: readonly ApplicationDate[] = [
  { date: '2024-06-13', event: 'Regulation adopted (date of the act)', ref: 'title of Regulation (EU) 2024/1689' },
  { date: '2024-07-12', event: 'Published in the Official Journal (OJ L, 2024/1689, 12.7.2024)', ref: 'OJ header' },
  {
    date: '2024-08-01',
    event: 'Entry into force: twentieth day following publication in the OJ (date computed from 12.7.2024)',
    ref: 'Art. 113, first paragraph',
  },
  {
    date: '2025-02-02',
    event: 'Chapters I (general provisions, incl. Art. 4 AI literacy) and II (prohibited AI practices, Art. 5) apply',
    ref: 'Art. 113(a)',
  },
  {
    date: '2025-08-02',
    event:
      'Chapter III Section 4 (notifying authorities and notified bodies), Chapter V (general-purpose AI models), ' +
      'Chapter VII (governance), Chapter XII (penalties) and Art. 78 (confidentiality) apply, except Art. 101 ' +
      '(fines for GPAI model providers)',
    ref: 'Art. 113(b)',
  },
  {
    date: '2026-08-02',
    event: 'General date of application of the Regulation (incl. Annex III high-risk obligations and Art. 50 transparency obligations)',
    ref: 'Art. 113, second paragraph',
  },
  {
    date: '2027-08-02',
    event: 'Art. 6(1) (high-risk via Annex I product legislation) and the corresponding obligations apply',
    ref: 'Art. 113(c)',
  },
  {
    date: '2027-08-02',
    event: 'Providers of GPAI models placed on the market before 2 August 2025 must comply',
    ref: 'Art. 111(3)',
  },
  {
    date: '2030-08-02',
    event:
      'Providers and deployers of high-risk AI systems intended to be used by public authorities ' +
      '(placed on market/put into service before 2 August 2026) must comply',
    ref: 'Art. 111(2)',
  },
  {
    date: '2030-12-31',
    event: 'AI systems that are components of the large-scale IT systems in Annex X placed on the market before 2 August 2027 must comply',
    ref: 'Art. 111(1)',
  },
];

export interface UpcomingApplicationDate extends ApplicationDate {
  kind: 'statutory';
  /** 00:00 UTC on `date`. */
  appliesAt: Date;
  /** Whole calendar days from today (UTC) to `date`; 0 means it applies today. */
  daysUntil: number;
  reason: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates falling within the next `withinDays` calendar days, today included, earliest first.
 * The Regulation speaks in calendar dates, so the window is counted in whole UTC days: a date that applies
 * today is still listed all day, and `withinDays = 0` lists only today's.
 */
export function upcomingApplicationDates(
  now: Date,
  withinDays: number,
  dates: readonly ApplicationDate[] = EU_AI_ACT_DATES,
): UpcomingApplicationDate[] {
  if (!Number.isInteger(withinDays) || withinDays < 0) {
    throw new RangeError(`withinDays must be a whole number of days, 0 or more (got ${withinDays})`);
  }
  const todayMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lastMs = todayMs + withinDays * DAY_MS;
  return dates
    .map((d) => {
      if (!ISO_DAY.test(d.date)) throw new RangeError(`application date "${d.date}" is not YYYY-MM-DD`);
      return { d, appliesMs: Date.parse(`${d.date}T00:00:00Z`) };
    })
    .filter(({ appliesMs }) => appliesMs >= todayMs && appliesMs <= lastMs)
    .sort((a, b) => a.appliesMs - b.appliesMs)
    .map(({ d, appliesMs }) => {
      const daysUntil = Math.round((appliesMs - todayMs) / DAY_MS);
      const when = daysUntil === 0 ? 'today' : daysUntil === 1 ? 'tomorrow' : `in ${daysUntil} days`;
      return {
        ...d,
        kind: 'statutory' as const,
        appliesAt: new Date(appliesMs),
        daysUntil,
        reason: `EU AI Act ${d.ref} applies ${when} (${d.date}): ${d.event}. This is a date set by law, not a review cycle.`,
      };
    });
}
