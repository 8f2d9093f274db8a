import type { SoaSummary } from '../../../app/soa/load-soa.js';
import { ACTIONS, SLASH_COMMAND } from '../../ids.js';
import { escapeText, mention } from '../../escape.js';
import { actions, button, context, section, type Block } from '../blocks.js';
import { day } from './work-lines.js';

// The Home tab names a few open decisions; the approval refusal and the export list them all.
const SHOWN_OPEN = 5;

/** The Statement of Applicability in the governance view: where it stands, what is open, and the admin's actions. Four blocks. */
export function soaBlocks(s: SoaSummary, tz: string): Block[] {
  const version = s.latest ? `version ${s.latest.number}, approved by ${mention(s.latest.approvedBy)} on ${day(s.latest.approvedAt, tz)}` : null;
  const status = s.status === 'approved'
    ? `:white_check_mark: Approved ${version}.`
    : version ? `*Draft*: ${s.changes} change${s.changes === 1 ? '' : 's'} since ${version}.` : '*Draft*: no version approved yet.';
  const open = s.openDecisions.length
    ? `*${s.openDecisions.length} decision${s.openDecisions.length === 1 ? '' : 's'} open before approval:*\n${s.openDecisions.slice(0, SHOWN_OPEN).map((o) => `• ${escapeText(o.what)}`).join('\n')}${s.openDecisions.length > SHOWN_OPEN ? `\n…and ${s.openDecisions.length - SHOWN_OPEN} more` : ''}`
    : `Nothing open: \`${SLASH_COMMAND} soa approve\` approves the current document${s.status === 'approved' ? ' once it changes' : ''}.`;
  return [
    section(`*Statement of Applicability* (ISO/IEC 42001 Annex A) — ${status}\n${s.applicable} applicable · ${s.excluded} not applicable · ${s.decided} decided by the organisation · scope ${s.scopeRecorded ? 'recorded' : '*not recorded*'}`),
    section(open),
    actions('home-gov-soa', [
      button('Decide on a control', ACTIONS.soaDecideControl, 'iso-42001', 'primary'),
      button('Owner of a NIST outcome', ACTIONS.soaNistOwner, 'nist-ai-rmf'),
      button('Record AIMS scope', ACTIONS.soaRecordScope, 'scope'),
    ]),
    context(`\`${SLASH_COMMAND} export soa md\` sends the document; \`${SLASH_COMMAND} soa approve\` approves it as the next version.`),
  ];
}
