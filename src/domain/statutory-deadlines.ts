import { ART73_DEADLINES, LEGAL_DATES, isLegalDateId, lawDayPhrase } from './catalog/index.js';
import { SHORT_SOURCE_LABELS } from './classification/wording.js';

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
// likelihood) is established, and in any event not later than the days the dates table's Art. 73 entries give.
const ART_73_WHAT: Record<IncidentSeverity, { ref: IncidentReportRef; what: string }> = {
  general: { ref: 'Art. 73(2)', what: 'a serious incident' },
  critical_infrastructure: {
    ref: 'Art. 73(3)',
    what: 'a serious incident causing serious and irreversible disruption of critical infrastructure (Art. 3(49)(b))',
  },
  widespread_infringement: { ref: 'Art. 73(3)', what: 'a widespread infringement' },
  death: { ref: 'Art. 73(4)', what: 'a serious incident involving the death of a person' },
};

const ART_73_RULES: Record<IncidentSeverity, Art73Rule> = Object.fromEntries(
  Object.entries(ART_73_WHAT).map(([severity, rule]) => {
    const deadline = ART73_DEADLINES.find((d) => d.ref === rule.ref);
    if (!deadline) throw new Error(`${rule.ref} has no deadline in the catalog`);
    return [severity, { ...rule, days: deadline.days }];
  }),
) as Record<IncidentSeverity, Art73Rule>;

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
  /** The dates-table id. */
  id: string;
  /** Which law sets it; absent means the EU AI Act. */
  law?: 'eu-ai-act' | 'co-sb26-189';
  /** Calendar date as written in the law, `YYYY-MM-DD`. */
  date: string;
  event: string;
  ref: string;
}

/**
 * The dates of the law as it now stands, from the dates table: superseded originals are left out (what
 * applies is their replacement), and a date an amendment moved says from when.
 */
export const LAW_DATES: readonly ApplicationDate[] = LEGAL_DATES
  .filter((d) => d.status === 'in_force')
  .map((d) => ({ id: d.id, law: d.law, date: d.date, event: d.event, ref: d.ref }))
  .sort((a, b) => a.date.localeCompare(b.date));

export const EU_AI_ACT_DATES: readonly ApplicationDate[] = LAW_DATES.filter((d) => d.law === 'eu-ai-act');


/** The day, and where an amendment moved it from. */
function movedNote(d: ApplicationDate): string {
  return isLegalDateId(d.id) ? lawDayPhrase(d.id) : d.date;
}

export interface UpcomingApplicationDate extends ApplicationDate {
  kind: 'statutory';
  /** 00:00 UTC on `date`. */
  appliesAt: Date;
  /** Whole calendar days from today (UTC) to `date`; 0 means it applies today. */
  daysUntil: number;
  /** The day as a sentence says it, with where an amendment moved it from. */
  day: string;
  /** The law's short name, e.g. "EU AI Act". */
  lawName: string;
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
  dates: readonly ApplicationDate[] = LAW_DATES,
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
        day: movedNote(d),
        lawName: SHORT_SOURCE_LABELS[d.law ?? 'eu-ai-act'],
        reason: `${SHORT_SOURCE_LABELS[d.law ?? 'eu-ai-act']} ${d.ref} applies ${when} (${movedNote(d)}): ${d.event}. This is a date set by law, not a review cycle.`,
      };
    });
}
