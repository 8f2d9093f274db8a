import { z } from 'zod';
import { EvidenceFiles } from './evidence-files.js';

/** What an artifact is. A standard's title is never one of them: evidence is something that can be opened and dated. */
export const ARTIFACT_KINDS = ['document', 'ticket', 'log', 'test_result', 'review_minutes', 'contract_clause', 'register_entry', 'other'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export const ARTIFACT_KIND_LABELS: Record<ArtifactKind, string> = {
  document: 'Document', ticket: 'Ticket', log: 'Log', test_result: 'Test result', review_minutes: 'Review minutes',
  contract_clause: 'Contract clause', register_entry: 'Register entry', other: 'Other',
};

/**
 * The field names of an evidence submission. The modal uses them as block ids, so an error found here
 * lands under the field it is about.
 */
export const EVIDENCE_FIELDS = {
  links: 'links', files: 'files', kind: 'kind', description: 'description', evidenceDate: 'evidence_date', periodFrom: 'period_from',
  periodTo: 'period_to', criteriaMet: 'criteria_met', acceptanceCriteria: 'acceptance_criteria',
} as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[keyof typeof EVIDENCE_FIELDS];

export const MAX_ARTIFACT_LINKS = 10;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real `YYYY-MM-DD` day: 2025-02-30 is not one, though Date would roll it over into March. */
export function isCalendarDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}
const Day = z.string({ error: 'is required' }).refine(isCalendarDay, 'must be a date (YYYY-MM-DD)');

export const EvidenceSubmission = z.object({
  links: z.array(z.string()).max(MAX_ARTIFACT_LINKS, `at most ${MAX_ARTIFACT_LINKS} links`),
  files: EvidenceFiles.default([]),
  kind: z.enum(ARTIFACT_KINDS, { error: 'choose what kind of artifact it is' }),
  description: z.string({ error: 'is required' }).trim().min(1, 'say what the artifact shows').max(2000, 'at most 2,000 characters'),
  evidenceDate: Day,
  periodFrom: Day,
  periodTo: Day,
  criteriaMet: z.boolean({ error: 'say whether the acceptance criteria are met' }),
  acceptanceCriteria: z.string().trim().max(2000, 'at most 2,000 characters').transform((s) => (s === '' ? null : s)).nullable().default(null),
}).superRefine((s, ctx) => {
  if (!s.links.length && !s.files.length) ctx.addIssue({ code: 'custom', path: ['links'], message: 'add at least one https link to the artifact, or attach a file' });
  if (isCalendarDay(s.periodFrom) && isCalendarDay(s.periodTo) && s.periodFrom > s.periodTo) {
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'the period cannot end before it starts' });
  }
});
export type EvidenceSubmission = z.output<typeof EvidenceSubmission>;

export type LinksResult = { ok: true; links: string[] } | { ok: false; message: string };

/**
 * The links field: one https URL a line. Each is normalised by the URL parser, so what is stored is
 * what a browser would open; credentials in a URL are refused rather than stored in the evidence record.
 */
export function parseArtifactLinks(raw: string | null): LinksResult {
  const lines = (raw ?? '').split(/\r?\n/).map((l) => l.trim());
  const links: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const where = lines.filter((l) => l !== '').length > 1 ? `Line ${i + 1}` : 'The link';
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      return { ok: false, message: `${where} is not a web address: write it as https://…` };
    }
    if (url.protocol !== 'https:') return { ok: false, message: `${where} must start with https:// (an artifact link others can open securely).` };
    if (/\s/.test(line)) return { ok: false, message: `${where} contains a space: put one link on each line.` };
    if (url.username || url.password) return { ok: false, message: `${where} contains a user name or password: remove them before sharing the link.` };
    if (!url.hostname.includes('.')) return { ok: false, message: `${where} has no full host name (e.g. https://wiki.example.com/…).` };
    links.push(url.href);
  }
  if (!links.length) return { ok: false, message: 'Add at least one https link to the artifact, one per line.' };
  if (links.length > MAX_ARTIFACT_LINKS) return { ok: false, message: `At most ${MAX_ARTIFACT_LINKS} links; link a folder or index page instead.` };
  return { ok: true, links: [...new Set(links)] };
}

/**
 * Date problems, checked on their own so they show even while other fields are still wrong: evidence
 * cannot be dated after today (where the organisation works), and its period must start by today and
 * not end before it starts.
 */
export function evidenceDateProblems(s: Pick<EvidenceSubmission, 'evidenceDate' | 'periodFrom' | 'periodTo'>, today: string): Partial<Record<EvidenceField, string>> {
  const problems: Partial<Record<EvidenceField, string>> = {};
  if (isCalendarDay(s.evidenceDate) && s.evidenceDate > today) problems.evidence_date = `The evidence date cannot be after today (${today}).`;
  if (isCalendarDay(s.periodFrom) && s.periodFrom > today) problems.period_from = `The period covered must have started by today (${today}).`;
  if (isCalendarDay(s.periodFrom) && isCalendarDay(s.periodTo) && s.periodFrom > s.periodTo) problems.period_to = 'The period cannot end before it starts.';
  return problems;
}

/**
 * The first instant a period no longer covers. Artifacts cover whole calendar days (UTC, like the
 * sweep that expires them), so the period `…–2025-03-31` ends at 2025-04-01T00:00Z.
 */
export function periodEndInstant(periodTo: string): Date {
  return new Date(Date.parse(`${periodTo}T00:00:00Z`) + 86_400_000);
}
