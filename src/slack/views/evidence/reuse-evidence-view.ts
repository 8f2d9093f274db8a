import type { ModalView } from '@slack/types';
import { ARTIFACT_KIND_LABELS, type ArtifactKind } from '../../../domain/evidence-artifact.js';
import type { ReuseDecision } from '../../../domain/evidence-reuse.js';
import { VIEWS } from '../../ids.js';
import { escapeText, truncate } from '../../escape.js';
import { context, input, modal, option, section, staticSelect, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';
import { claimHeading, type ClaimHeading } from './claim-context.js';

export const REUSE_BLOCK = 'artifact';
const MAX_REFUSALS_SHOWN = 10;

export interface ReuseViewCandidate {
  artifact: { id: string; kind: string; evidenceDate: string; description: string };
  from: { source: string; requirementId: string };
  decision: ReuseDecision;
}

const CONDITION_LABELS: Record<string, string> = {
  crosswalk: 'crosswalk', owner: 'same owner', system: 'same system', scope: 'same scope', supplier: 'same supplier',
  data_type: 'same data types', period: 'period still current', acceptance_criteria: 'same acceptance criteria',
};

const kindLabel = (k: string) => ARTIFACT_KIND_LABELS[k as ArtifactKind] ?? k;
const optionText = (c: ReuseViewCandidate) => `${kindLabel(c.artifact.kind)} effective ${c.artifact.evidenceDate} · for ${c.from.requirementId}`;

/** Shown the moment the button is clicked, while the candidates are checked: a trigger_id lives 3 seconds. */
export function buildReuseLoadingView(): ModalView {
  return modal({ callbackId: VIEWS.evidenceReuse, title: 'Reuse evidence', close: 'Close', blocks: [section(':hourglass_flowing_sand: Looking for evidence this claim may reuse…')] });
}

/** Only reusable artifacts can be chosen; the rest are listed with the condition that failed. */
export function buildReuseEvidenceView(args: {
  claim: ClaimHeading; systemName: string; allowed: ReuseViewCandidate[]; refused: ReuseViewCandidate[]; unmapped: number; partners: { source: string; id: string }[];
}): ModalView {
  const blocks: Block[] = [...claimHeading(args.claim, args.systemName)];
  if (args.allowed.length) {
    const options = args.allowed.slice(0, 100).map((c) => option(optionText(c), c.artifact.id, c.artifact.description));
    blocks.push(input(REUSE_BLOCK, 'Evidence to reuse for this claim', staticSelect('value', options, { placeholder: 'Choose an artifact' })));
    blocks.push(context('Only evidence the reuse rule allows is offered: the crosswalk maps the two requirements, and owner, system, scope, supplier, data types, period and acceptance criteria are the same.'));
  } else {
    blocks.push(section('*No evidence can be reused for this claim.* Submit new evidence for it instead.'));
  }
  if (args.refused.length) {
    const lines = args.refused.slice(0, MAX_REFUSALS_SHOWN).map((c) => {
      const failed = c.decision.kind === 'refused' ? CONDITION_LABELS[c.decision.failed] ?? c.decision.failed : '';
      return `• *${escapeText(optionText(c))}* — failed: _${failed}_. ${escapeText(truncate(c.decision.reason, 400))}`;
    });
    if (args.refused.length > MAX_REFUSALS_SHOWN) lines.push(`…and ${args.refused.length - MAX_REFUSALS_SHOWN} more`);
    blocks.push(section(`*Not reusable here:*\n${lines.join('\n')}`));
  }
  if (!args.allowed.length && !args.refused.length) {
    const partners = args.partners.slice(0, 12).map((p) => `${sourceLabel(p.source)} ${escapeText(p.id)}`).join(', ');
    blocks.push(context(partners
      ? `Failed: _crosswalk_. Evidence is reused only from a requirement the crosswalk maps to this one (${partners}${args.partners.length > 12 ? ', …' : ''}), and none of them has evidence on this system yet.`
      : 'Failed: _crosswalk_. The crosswalk maps NIST AI RMF subcategories to ISO/IEC 42001 clauses and controls only; this requirement is not mapped, so it needs its own evidence.'));
  }
  if (args.unmapped) blocks.push(context(`${args.unmapped} other artifact${args.unmapped === 1 ? '' : 's'} of this system answer requirements the crosswalk does not map to this one.`));
  return modal({
    callbackId: VIEWS.evidenceReuse, title: 'Reuse evidence', close: args.allowed.length ? 'Cancel' : 'Close', blocks,
    ...(args.allowed.length ? { submit: 'Reuse' } : {}),
    privateMetadata: JSON.stringify({ claimId: args.claim.id }),
  });
}
