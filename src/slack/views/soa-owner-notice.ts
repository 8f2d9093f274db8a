import { localDate } from '../../domain/calendar-dates.js';
import { escapeText, mention, truncate } from '../escape.js';
import { context, section, type Block } from './blocks.js';
import type { SoaOwnerNoticeModel } from '../../app/soa/load-soa-owner-notice.js';

export type { SoaOwnerNoticeModel };

const FRAMEWORK = { 'iso-42001': 'ISO/IEC 42001 Annex A control', 'nist-ai-rmf': 'NIST AI RMF outcome' } as const;

/** The DM a new control owner gets: what they own, what evidence shows it, and what is still missing across the systems. */
export function buildSoaOwnerNotice(m: SoaOwnerNoticeModel): { text: string; blocks: Block[] } {
  const what = `${FRAMEWORK[m.framework]} *${escapeText(m.controlId)}* ${escapeText(truncate(m.title, 150))}`;
  const text = `You now own the ${FRAMEWORK[m.framework]} ${m.controlId} ${m.title} (assigned by ${mention(m.assignedBy)}).`;
  const open = m.open.total
    ? `*Evidence still missing (${m.open.total}):*\n${m.open.claims.map((c) => `• ${escapeText(truncate(c.systemName, 100))} — ${c.status === 'exception' ? 'with an exception' : c.status}, due ${localDate(c.dueAt, m.timeZone)}`).join('\n')}${m.open.total > m.open.claims.length ? `\n…and ${m.open.total - m.open.claims.length} more in the evidence matrix` : ''}`
    : ':white_check_mark: No system owes evidence for it right now.';
  return {
    text,
    blocks: [
      section(`You now own the ${what} in the Statement of Applicability (assigned by ${mention(m.assignedBy)}).`),
      section(`*Evidence that shows it operates:* ${escapeText(m.evidence)}`),
      section(open),
      context('System owners are asked for their systems\' evidence; as control owner you answer for the control across the organisation and for its organisation-wide evidence.'),
    ],
  };
}
