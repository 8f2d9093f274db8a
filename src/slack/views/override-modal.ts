import type { ModalView } from '@slack/types';
import { RISK_TIERS, SOURCES, WORK_KINDS } from '../../domain/vocabulary.js';
import { VIEWS } from '../ids.js';
import { escapeText } from '../escape.js';
import { context, input, modal, option, section, staticSelect, textInput, type Block } from './blocks.js';
import { TIER_LABELS, sourceLabel } from './classification-text.js';

export const OVERRIDE_BLOCKS = { choice: 'choice', justification: 'justification' } as const;

/** One select of "outcome → new value" pairs keeps the form to two fields. */
export function buildOverrideModal(a: { systemId: string; systemName: string; current: { tier: string; primarySource: string; workKind: string; cadenceDays: number | null } }): ModalView {
  const groups = [
    { label: 'EU AI Act tier', options: RISK_TIERS.map((t) => option(`Tier: ${TIER_LABELS[t]}`, `tier=${t}`)) },
    { label: 'Primary source', options: SOURCES.map((s) => option(`Primary source: ${sourceLabel(s)}`, `primarySource=${s}`)) },
    { label: 'Kind of work', options: WORK_KINDS.map((k) => option(`Kind of work: ${k.replace('_', ' ')}`, `workKind=${k}`)) },
    { label: 'Review cadence', options: [30, 90, 180, 365].map((d) => option(`Review every ${d} days`, `cadenceDays=${d}`)) },
  ];
  return modal({
    callbackId: VIEWS.classificationOverride,
    title: 'Override outcome',
    submit: 'Override',
    privateMetadata: JSON.stringify({ systemId: a.systemId }),
    blocks: [
      section(`*${escapeText(a.systemName)}* — currently: ${TIER_LABELS[a.current.tier as keyof typeof TIER_LABELS] ?? a.current.tier} · ${sourceLabel(a.current.primarySource)} · ${a.current.workKind.replace('_', ' ')} · ${a.current.cadenceDays ?? 'no'} day cadence`),
      context('The computed result is kept; the override is shown beside it with your name and reason.'),
      input(OVERRIDE_BLOCKS.choice, 'New outcome', { type: 'static_select', action_id: 'value', option_groups: groups.map((g) => ({ label: { type: 'plain_text', text: g.label }, options: g.options })) }),
      input(OVERRIDE_BLOCKS.justification, 'Justification', textInput('value', { multiline: true, maxLength: 2000 }), { hint: 'Why the rules do not fit this system; auditors read this.' }),
    ],
  });
}
